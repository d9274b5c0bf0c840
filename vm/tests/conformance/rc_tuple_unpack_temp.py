def gen(name):
    try:
        yield name
        yield name + "!"
    finally:
        print("finally", name)


def pair():
    return gen("left"), gen("right")


a, b = pair()
print(next(a), next(b))
a, b = b, None
print("swapped; left should be gone")
a = None
print("end")
