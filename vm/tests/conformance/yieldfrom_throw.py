def inner():
    try:
        yield "inner-1"
    except ValueError as e:
        print("inner handled", e)
        yield "inner-2"
    return "inner-ret"


def outer():
    try:
        r = yield from inner()
        print("outer got", r)
        yield "outer-1"
    except KeyError as e:
        print("outer handled", repr(e))
        yield "outer-2"


g = outer()
print(next(g))
print(g.throw(ValueError("v")))
print(g.throw(KeyError("k")))
print(list(g))
