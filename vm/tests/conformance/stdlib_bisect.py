import bisect

a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5))
bisect.insort(a, 3)
bisect.insort_left(a, 4)
print(a)
print(bisect.bisect_left(a, 4, lo=5), bisect.bisect_right(a, 100))
