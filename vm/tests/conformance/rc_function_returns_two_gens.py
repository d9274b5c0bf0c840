def gen(name):
    try:
        yield name
    finally:
        print("close", name)


def hold():
    first = gen("first")
    second = gen("second")
    third = gen("third")
    next(third)
    next(first)
    next(second)
    print("returning")
    return "result"


print(hold())
print("after call")
