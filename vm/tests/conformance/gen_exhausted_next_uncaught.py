def one():
    yield "only"


g = one()
print(next(g))
print(next(g, "default"))
next(g)
