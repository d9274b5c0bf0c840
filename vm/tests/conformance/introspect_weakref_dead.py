import weakref


class Res:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def cb(r):
    print("callback")


x = Res("x")
r = weakref.ref(x, cb)
p = weakref.proxy(Res("tmp"))
try:
    print(p.name)
except ReferenceError as e:
    print("ReferenceError:", e)
x = None
print("dead:", r() is None)
print(r())
# A cycle: freed by the collector, the weak reference dies with it.
import gc
a = Res("a")
b = Res("b")
a.other = b
b.other = a
ra = weakref.ref(a, cb)
del a, b
print("before collect", ra() is not None)
gc.collect()
print("after collect", ra())
p2 = weakref.proxy(Res("gone"))
print(p2.name)
