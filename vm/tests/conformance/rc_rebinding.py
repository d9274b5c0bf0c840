def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print("finally", name)


g = gen("first")
next(g)
print("rebinding")
g = None
print("after rebinding")
g = gen("second")
next(g)
g = gen("third")
print("replaced second")
next(g)
del g
print("end")
