from itertools import islice


def naturals():
    n = 0
    while True:
        print("yield", n)
        yield n
        n += 1


print(list(islice("abcdefg", 2)))
print(list(islice("abcdefg", 2, 4)))
print(list(islice("abcdefg", 2, None)))
print(list(islice("abcdefg", 0, None, 2)))
print(list(islice(naturals(), 1, 6, 2)))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
try:
    islice("abc", -1)
except ValueError as e:
    print("ValueError:", e)
