def gen():
    try:
        print("enter")
        yield 1
        yield 2
    finally:
        print("cleanup")


g = gen()
print(next(g))
g.close()
print("closed")
g.close()
print("closed again")
print(list(g))
