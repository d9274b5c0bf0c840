"""Drops 100,000 parent/child cycles and 100,000 suspended generators that hold
themselves: garbage the cycle collector must finalize (close the generators)
and then free, as CPython does under PEP 442."""


class Node:
    def __init__(self, parent=None):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)


def selfish(box):
    me = box[0]
    try:
        while True:
            yield me
    finally:
        box.clear()


closed = 0


def counted(n):
    global closed
    try:
        yield n
    finally:
        closed += 1


count = 0
for i in range(100_000):
    root = Node()
    Node(root)
    count += len(root.children)
    box = []
    g = selfish(box)
    box.append(g)
    next(g)
    h = counted(i)
    c = [h]
    c.append(c)
    next(h)
    del g, h, c
import gc

gc.collect()
print(count, closed)
