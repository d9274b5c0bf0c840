r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], 5 in r, 6 in r)
print(list(range(5)), list(range(5, 0, -1)), list(range(0)), list(range(3, 3)))
print(r.index(11), r.count(8), range(0, 10, 2) == range(0, 9, 2), range(3) == range(0, 3, 1))
print(list(reversed(range(4))), sum(range(101)), range(10 ** 20)[-1])
print(len(range(-5, 5, 4)), list(range(-5, 5, 4)), bool(range(0)), min(range(4, 9)))
try:
    range(1, 5, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    r[100]
except IndexError as e:
    print("IndexError:", e)
