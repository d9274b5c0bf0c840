def gen():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("got GeneratorExit, returning")
        return
    print("not reached")


g = gen()
next(g)
g = None
print("after drop")
