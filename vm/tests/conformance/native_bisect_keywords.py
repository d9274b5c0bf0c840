import bisect
from collections import UserList
data = [10, 20, 30, 40, 50]
print(bisect.bisect_left(a=data, x=25, lo=1, hi=3))
print(bisect.bisect_right(data, 30, 2), bisect.bisect_left(data, 30, hi=2))
print(bisect.bisect_left(UserList(data), 35), bisect.bisect_right(range(100), 41))
rows = [("a", 1), ("c", 3)]
bisect.insort(rows, ("b", 2), key=lambda r: r[1])
print(rows, bisect.bisect(rows, 3, key=lambda r: r[1]))
try:
    bisect.bisect_left(data, 1, -1)
except ValueError as e:
    print("ValueError", e)
