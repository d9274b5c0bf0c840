def inner():
    yield 1
    yield 2


def outer():
    yield from inner()
    yield "last"


g = outer()
print(g.gi_yieldfrom)
next(g)
print(type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.__name__)
next(g)
next(g)
print(g.gi_yieldfrom)
