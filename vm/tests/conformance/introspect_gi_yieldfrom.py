def inner():
    yield 1
    yield 2


def outer():
    yield 0
    yield from inner()
    yield 3


g = outer()
print(g.gi_yieldfrom)
next(g)
print(g.gi_yieldfrom)
next(g)
print(g.gi_yieldfrom.__name__, g.gi_yieldfrom.gi_frame.f_lineno)
next(g)
next(g)
print(g.gi_yieldfrom)
