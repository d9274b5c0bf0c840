# dir() of a generator lists its gi_* attributes and names.
def gen():
    yield


g = gen()
names = dir(g)
print([n for n in names if n.startswith("gi_")])
print("__name__" in names, "__qualname__" in names, "send" in names, "__next__" in names)
