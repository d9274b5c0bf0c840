# Too many positional arguments, with and without defaults and keyword-only ones given.
def f(a):
    pass


def g(a, b=1):
    pass


def h(a, *, b):
    pass


def n():
    pass


for fn, args, kw in [(f, (1, 2), {}), (g, (1, 2, 3), {}), (h, (1, 2), {}), (h, (1, 2), {"b": 3}), (n, (1,), {})]:
    try:
        fn(*args, **kw)
    except TypeError as e:
        print(e)
