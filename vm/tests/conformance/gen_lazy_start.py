def gen():
    print("body started")
    yield 1


g = gen()
print("created")
print(next(g))
print(type(g).__name__)
print(iter(g) is g)
