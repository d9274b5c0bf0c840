import weakref, gc


class Obj:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "Obj(%d)" % self.n


cache = weakref.WeakValueDictionary()
a, b = Obj(1), Obj(2)
cache["a"] = a
cache["b"] = b
print(sorted(cache.keys()), len(cache), "a" in cache, cache.get("b"))
del a
print(sorted(cache.keys()), len(cache), "a" in cache, cache.get("a", "gone"))
try:
    cache["a"]
except KeyError as e:
    print("KeyError", e)

meta = weakref.WeakKeyDictionary()
k1, k2 = Obj(3), Obj(4)
meta[k1] = "three"
meta[k2] = "four"
print(len(meta), meta[k1], k2 in meta)
del k2
print(len(meta), [v for v in meta.values()])

ws = weakref.WeakSet()
x, y = Obj(5), Obj(6)
ws.add(x)
ws.add(y)
ws.add(x)
print(len(ws), x in ws)
del y
print(len(ws), list(ws))


def done(tag):
    print("finalized", tag)


o = Obj(7)
f = weakref.finalize(o, done, "seven")
print(f.alive)
del o
print(f.alive)
o2 = Obj(8)
f2 = weakref.finalize(o2, done, "eight")
f2()
print(f2.alive, f2())
del o2
print("end")
