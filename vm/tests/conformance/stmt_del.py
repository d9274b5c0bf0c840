x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
lst = list(range(8))
del lst[0]
del lst[-1]
del lst[1:3]
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)


class O:
    pass


o = O()
o.attr = 1
del o.attr
print(hasattr(o, "attr"))
a, b = 1, 2
del a, b
print("a" in dir(), "b" in dir())
