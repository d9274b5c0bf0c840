from functools import reduce, partial, lru_cache, wraps
import operator

print(reduce(operator.add, [1, 2, 3, 4]))
print(reduce(lambda acc, x: acc + [x * 2], [1, 2, 3], []))
print(reduce(max, [5], 0), reduce(operator.mul, [], 1))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)


def power(base, exp, *, label=""):
    return f"{label}{base ** exp}"


square = partial(power, exp=2)
cube_of_two = partial(power, 2, 3, label="=")
print(square(7), square(3, label="sq:"), cube_of_two())
print(square.func is power, square.keywords, partial(power, 5).args)


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info().hits > 0)


def deco(fn):
    @wraps(fn)
    def inner(*a):
        return fn(*a)
    return inner


@deco
def documented():
    """Docstring kept."""


print(documented.__name__, documented.__doc__)
