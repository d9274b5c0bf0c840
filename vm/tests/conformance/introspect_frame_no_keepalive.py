import weakref, inspect, sys


class Node:
    pass


def worker():
    n = Node()
    r = weakref.ref(n, lambda r: print("gone"))
    total = 0
    while total <= 5:
        fr = sys._getframe()
        total += yield (total, fr.f_lineno, r() is n)
    del n
    print("alive?", r())
    yield fr.f_lineno


g = worker()
print(next(g))
print(g.send(2), inspect.getgeneratorstate(g))
print(g.send(5))
print(sorted(g.gi_frame.f_locals))
