import inspect


def f(a, b=2, *args, c, d=4, **kw):
    pass


def g(x, y, /, z=3):
    yield x


def h(*, only):
    pass


class K:
    def __init__(self, p, q=1):
        pass

    def m(self, r, *s):
        pass


for fn in [f, g, h, K, K(1).m, lambda: 0, lambda *a, **k: 0]:
    sig = inspect.signature(fn)
    print(sig, [(p.name, str(p.kind), p.default is inspect.Parameter.empty) for p in sig.parameters.values()])
print(list(inspect.signature(f).parameters), inspect.signature(f).parameters["b"].default)
print(g.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount)


def v(a, *r, k, m=1, **kw):
    x = 1


print(v.__code__.co_varnames, inspect.signature(v))
print(v.__kwdefaults__, (lambda: 0).__kwdefaults__)
