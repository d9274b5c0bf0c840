t = (1, 2, 3, 2)
print(t, len(t), t[1], t[-1], t.count(2), t.index(3))
print(t + (4,), t * 2, (1,) * 0, (), (5,), tuple("ab"), tuple(range(3)))
print((1, 2) < (1, 2, 0), (2,) > (1, 9), (1, "a") == (1, "a"), max([(1, "b"), (1, "c")]))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
point = 3, 4
x, y = point
print(x * y, hash((1, 2)) == hash((1, 2)), {(1, 2): "pt"}[(1, 2)])
nested = ((1, 2), [3])
nested[1].append(4)
print(nested)
try:
    hash(nested)
except TypeError as e:
    print("TypeError:", e)
print(sorted([(2, "b"), (1, "z"), (2, "a")]), 2 in t, tuple(reversed(t)))
