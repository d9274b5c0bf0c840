# An unexpected keyword is reported before too many positional arguments.
def g(a, b=1):
    pass


for args, kw in [((1,), {"c": 2}), ((1, 2, 3), {"c": 5}), ((), {"x": 1})]:
    try:
        g(*args, **kw)
    except TypeError as e:
        print(e)
