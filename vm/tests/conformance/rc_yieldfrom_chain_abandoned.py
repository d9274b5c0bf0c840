def inner():
    try:
        yield "inner value"
    finally:
        print("inner finally")


def middle():
    try:
        yield from inner()
    finally:
        print("middle finally")


def outer():
    try:
        yield from middle()
    finally:
        print("outer finally")


g = outer()
print(next(g))
print("dropping outer")
g = None
print("dropped")
