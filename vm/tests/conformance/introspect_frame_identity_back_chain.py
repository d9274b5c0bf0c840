# f_back chains give the same frame objects on repeated access.
import sys


def a():
    return b()


def b():
    return c()


def c():
    f = sys._getframe()
    chain1 = []
    g = f
    while g is not None:
        chain1.append(g)
        g = g.f_back
    chain2 = []
    g = sys._getframe()
    while g is not None:
        chain2.append(g)
        g = g.f_back
    return [x is y for x, y in zip(chain1, chain2)], len(chain1), [x.f_code.co_name for x in chain1]


print(a())
