def inner():
    try:
        yield "inner"
    finally:
        print("inner finally")


def outer():
    helper = inner()
    next(helper)
    try:
        yield "outer"
    finally:
        print("outer finally")


g = outer()
print(next(g))
g = None
print("after drop")
