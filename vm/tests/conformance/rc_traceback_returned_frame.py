# A frame that caught an exception and returned it: the traceback still
# names the frame, so what the frame held lives until the exception goes.
def gen():
    try:
        yield 1
    finally:
        print("gen closed")


def catch_and_return():
    g = gen()
    next(g)
    try:
        raise ValueError("x")
    except ValueError as e:
        return e


err = catch_and_return()
print("returned")
err = None
print("dropped")
