from itertools import takewhile, dropwhile, filterfalse, compress

data = [1, 4, 6, 4, 1, 8]
print(list(takewhile(lambda x: x < 5, data)))
print(list(dropwhile(lambda x: x < 5, data)))
print(list(filterfalse(lambda x: x % 2, range(10))))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
it = iter([1, 2, 10, 3])
print(list(takewhile(lambda x: x < 5, it)), list(it))
