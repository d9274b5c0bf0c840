# Mutates a bit of everything between suspensions, so that restoring from
# deltas is checked against keyframes on lists, deques, dicts, globals,
# the random generator, the free list, exceptions and native frames.
import random
import weakref
from collections import deque

random.seed(7)
queue = deque(range(40))
table = {i: i * i for i in range(30)}
counter = 0


class Box:
    def __init__(self, v):
        self.v = v


def worker(n):
    global counter
    items = list(range(25))
    keep = []
    for t in range(n):
        queue.append(queue.popleft() + t)
        items[t % 25] = random.random()
        table[t % 30] += 1
        if t % 4 == 0:
            table["k%d" % t] = t
        if t % 9 == 0 and ("k%d" % (t - 8)) in table:
            del table["k%d" % (t - 8)]
        counter += 1
        b = Box(t)
        r = weakref.ref(b)
        keep.append(r)
        del b
        junk = [[i, str(i)] for i in range(t % 7)]
        try:
            raise ValueError(t)
        except ValueError as e:
            z = -0.0 if t % 2 else 0.0
            yield (t, z, len(junk), r() is None)


def inner(k):
    for i in range(k):
        yield i * 0.5


def outer():
    total = sum(x for x in inner(6))
    yield total
    got = list(inner(4))
    yield len(got)


for v in worker(40):
    pass
for v in outer():
    pass
print("done", counter, len(table), sum(queue))
