# An argument given by position and by keyword.
def g(a, b=1):
    pass


def f(a, b, c):
    pass


for fn, args, kw in [(g, (1,), {"a": 2}), (f, (1, 2), {"b": 3}), (g, (1, 2, 3), {"a": 5})]:
    try:
        fn(*args, **kw)
    except TypeError as e:
        print(e)
