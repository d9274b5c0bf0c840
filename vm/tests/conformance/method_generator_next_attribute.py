# __next__ and __iter__ are attributes of generators.
def gen():
    yield 1
    yield 2


g = gen()
step = g.__next__
print(step(), step(), g.__iter__() is g)
try:
    g.__next__()
except StopIteration:
    print("exhausted")
print(callable(g.__next__), hasattr(g, "__iter__"))
