def inner():
    yield "a"
    return StopIteration("not raised, returned")


def outer():
    v = yield from inner()
    print(type(v).__name__, v)
    w = yield from ()
    print("empty yield from gives", w)


for x in outer():
    print(x)
