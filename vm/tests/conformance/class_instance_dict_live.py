class C:
    pass


c = C()
c.a = 1
d = c.__dict__
d["b"] = 2
print(c.b, vars(c))
del c.__dict__["a"]
print(hasattr(c, "a"))
c.__dict__.update(x=5, y=6)
print(c.x, c.y, sorted(vars(c)))
c.__dict__.clear()
print(vars(c))
c.__dict__.setdefault("z", 9)
print(c.z)
print(c.__dict__.pop("z"), hasattr(c, "z"))
vars(c)["q"] = 1
print(c.q, type(c.__dict__).__name__)
