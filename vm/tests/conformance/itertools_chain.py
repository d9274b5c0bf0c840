from itertools import chain


def g():
    yield "g1"
    yield "g2"


print(list(chain([1, 2], (3,), "ab", g())))
print(list(chain.from_iterable([[1], [], [2, 3]])))
print(list(chain.from_iterable(["xy", "z"])))
print(list(chain()))


def lazy_lists():
    for i in range(3):
        print("making list", i)
        yield [i] * i


for v in chain.from_iterable(lazy_lists()):
    print("item", v)
