# Positional-only parameters passed as keywords: all names in one quoted list.
def f(a, /, b):
    pass


def g(a, b, /, c):
    pass


def h(a, b, /):
    pass


for fn, args, kw in [(f, (), {"a": 1, "b": 2}), (g, (), {"a": 1, "b": 2, "c": 3}), (h, (1,), {"b": 2})]:
    try:
        fn(*args, **kw)
    except TypeError as e:
        print(e)
