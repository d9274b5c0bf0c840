import bisect

rows = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(rows, 3, key=lambda r: r[1]))
bisect.insort(rows, ("x", 4), key=lambda r: r[1])
print(rows)
