from itertools import count, cycle, repeat, islice

print(list(islice(count(), 5)))
print(list(islice(count(10, 5), 4)))
print(list(islice(count(1.5, 0.5), 3)))
print(list(islice(cycle("abc"), 7)))
print(list(repeat("x", 3)), list(repeat(1, 0)))
print(list(zip(range(3), repeat(None))))
c = count(3)
print(next(c), next(c), c)
