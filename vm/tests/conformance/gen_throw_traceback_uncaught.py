def inner():
    try:
        yield 1
    except ZeroDivisionError:
        raise TypeError("converted in generator")


g = inner()
next(g)
g.throw(ZeroDivisionError("from throw"))
