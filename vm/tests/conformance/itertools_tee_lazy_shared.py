# tee reads its source lazily and only once: each item is produced when the
# first iterator asks for it, and the others get the same object.
import itertools


def source():
    for i in range(3):
        print("produce", i)
        yield [i]


a, b = itertools.tee(source())
print(type(a).__name__)
x = next(a)
y = next(b)
print(x, y, x is y)
print(list(b))
print(list(a))
print(list(itertools.tee("abc", 3)[2]))
print(itertools.tee([], 0))
c, d = itertools.tee(a)
print(list(c), list(d))
try:
    itertools.tee([1], -1)
except ValueError as e:
    print(e)
