# An exception that passed through two frames keeps both alive (their
# tracebacks hold them); when it is freed, the innermost frame goes first.
def gen(name):
    try:
        yield name
    finally:
        print("closing", name)


def inner():
    g = gen("inner")
    next(g)
    raise KeyError("k")


def outer():
    g = gen("outer")
    next(g)
    inner()


try:
    outer()
except KeyError:
    print("caught")
print("after handler")
