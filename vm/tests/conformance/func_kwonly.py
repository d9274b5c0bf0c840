def f(a, *, b, c=3):
    return a, b, c


print(f(1, b=2))
print(f(1, c=4, b=5))
try:
    f(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)


def g(a, b, /, c):
    return a + b + c


print(g(1, 2, c=3))
try:
    g(1, b=2, c=3)
except TypeError as e:
    print("TypeError:", e)
