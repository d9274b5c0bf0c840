def f(*args, **kwargs):
    return args, sorted(kwargs.items())


print(f())
print(f(1, 2, x=3))
nums = [4, 5]
opts = {"k": 1, "j": 2}
print(f(*nums, 6, *range(2), **opts, z=0))


def g(a, b, c):
    return a * 100 + b * 10 + c


print(g(*[1, 2], c=3))
print(g(**{"c": 1, "a": 2, "b": 3}))
try:
    g(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
try:
    g(1, 2, a=3)
except TypeError as e:
    print("TypeError:", e)
try:
    g(1, 2, 3, d=4)
except TypeError as e:
    print("TypeError:", e)
