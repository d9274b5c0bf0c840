def inner():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        print("inner got", x)
        total += x


def outer():
    result = yield from inner()
    print("outer got result", result)
    yield "outer-done"


g = outer()
print(next(g))
print(g.send(1))
print(g.send(2))
print(g.send(None))
