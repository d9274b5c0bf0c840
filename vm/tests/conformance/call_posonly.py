# Positional-only parameters bind by position; their names stay free for **kwargs.
def f(a, b, /, c, *, d):
    return a, b, c, d


print(f(1, 2, 3, d=4))
print(f(1, 2, c=3, d=4))


def g(a, /, **kw):
    return a, kw


print(g(1, a=2))
