import weakref


class Guarded:
    def __init__(self):
        self.a = 1
        self.b = 2

    def __delattr__(self, name):
        print("del", name)
        if name == "a":
            raise AttributeError("a is protected")
        super().__delattr__(name)


g = Guarded()
del g.b
print(vars(g))
try:
    del g.a
except AttributeError as e:
    print("AttributeError:", e)
try:
    object.__delattr__(g, "zz")
except AttributeError as e:
    print("AttributeError:", e)
object.__delattr__(g, "a")
print(vars(g))


class P:
    pass


p = P()
p.name = "n"
px = weakref.proxy(p)
del px.name
print(hasattr(p, "name"))
