import gc, weakref
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def cb(tag):
    return lambda r: print("cb", tag)
# cycle with weakrefs and dels
a, b, c = D("a"), D("b"), D("c")
a.nxt, b.nxt, c.nxt = b, c, a
rs = [weakref.ref(x, cb(x.n)) for x in (a, b, c)]
del a, b, c
print("collect")
gc.collect()
print("done", [r() for r in rs])
# nested containers
lst = [D(1), [D(2), D(3)], {"k": D(4)}]
del lst
print("after nested")
# weakref dropped before referent
o = D("o")
r = weakref.ref(o, cb("o"))
del r
del o
print("after drop")
# callback that raises
def bad(r):
    raise ValueError("cb fail")
p = D("p")
rp = weakref.ref(p, bad)
del p
print("end")
