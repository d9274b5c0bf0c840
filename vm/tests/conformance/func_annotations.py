# Function annotations are evaluated at def time and stored in order.
def f(a: int, b: "str" = 1, *args: float, key: bool = False, **kw: dict) -> list:
    pass


print(f.__annotations__)


def g():
    pass


print(g.__annotations__)
g.__annotations__ = {"x": 1}
print(g.__annotations__, g.__dict__)
