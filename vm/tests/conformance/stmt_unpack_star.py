a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
x, *mid, y = range(2)
print(x, mid, y)
(p, q), r = (1, 2), 3
print(p, q, r)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1]
except ValueError as e:
    print("ValueError:", e)
print([*range(3), *"ab"], {**{"x": 1}, "y": 2}, (*[1], 2))
