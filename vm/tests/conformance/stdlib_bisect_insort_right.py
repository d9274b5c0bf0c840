from bisect import insort_right, insort_left, bisect_left

a = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    insort_right(a, x)
print(a)
b = []
for x in [3, 1, 2]:
    insort_left(b, x, 0, len(b))
print(b)
try:
    bisect_left([1, 2], 1, -1)
except ValueError as e:
    print(e)
