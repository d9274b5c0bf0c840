import weakref


class Node:
    def __init__(self, name):
        self.name = name


def on_dead(r):
    print("callback, ref is dead:", r() is None)


n = Node("a")
r = weakref.ref(n)
print(r() is n, r().name)
r2 = weakref.ref(n, on_dead)
print(r2() is n, r2.__callback__ is on_dead)
print(repr(r).startswith("<weakref at 0x"), "to 'Node'" in repr(r))
del n
print("after del")
print(r(), r2())
print(repr(r).endswith("; dead>"))


def gen():
    yield 1


g = gen()
gr = weakref.ref(g)
print(gr() is g)
g = None
print(gr())
p = Node("p")
px = weakref.proxy(p)
print(px.name)
px.name  # attribute through the proxy
try:
    weakref.ref(5)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref([1])
except TypeError as e:
    print("TypeError:", e)
