# Missing keyword-only arguments.
def f(*, x, y, z):
    pass


for kw in [{"x": 1, "y": 2}, {"x": 1}, {}]:
    try:
        f(**kw)
    except TypeError as e:
        print(e)
