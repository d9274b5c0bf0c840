# inspect.signature shows annotations and the return annotation.
import inspect


class Point:
    pass


def f(a: int, b: "str" = "x", *args: float, key: Point = None, **kw) -> list:
    pass


def g(x, y=1):
    pass


sig = inspect.signature(f)
print(sig)
print(sig.parameters["a"].annotation, sig.parameters["kw"].annotation is inspect.Parameter.empty)
print(sig.return_annotation, inspect.signature(g))
