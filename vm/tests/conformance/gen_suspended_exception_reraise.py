def gen():
    try:
        raise ValueError("original")
    except ValueError:
        yield "in handler"
        raise


g = gen()
print(next(g))
try:
    raise KeyError("outside")
except KeyError:
    pass
try:
    next(g)
except ValueError as e:
    print("re-raised:", repr(e))
