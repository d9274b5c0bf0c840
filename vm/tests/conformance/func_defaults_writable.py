# __defaults__ and __kwdefaults__ are readable and writable, and take effect.
def f(a, b=2, *, c=3):
    return a, b, c


print(f.__defaults__, f.__kwdefaults__)
f.__defaults__ = (5,)
print(f(1))
f.__kwdefaults__ = {"c": 9}
print(f(1))
f.__defaults__ = None
try:
    f(1)
except TypeError as e:
    print(e)
try:
    f.__defaults__ = [1]
except TypeError as e:
    print(e)
print(f.__dict__)
