class Logged:
    def __init__(self):
        self.a = 1

    def __getattribute__(self, name):
        if not name.startswith("_"):
            print("get", name)
        return object.__getattribute__(self, name)

    def method(self):
        return "m"


x = Logged()
print(x.a)
print(x.method())
print(x.a + x.a)


class Fallback:
    def __getattribute__(self, name):
        if name == "z":
            raise AttributeError(name)
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return "fallback " + name


f = Fallback()
f.v = 3
print(f.v, f.z)
try:
    object.__getattribute__(f, "nope")
except AttributeError as e:
    print(e)


class Child(Logged):
    pass


c = Child()
print(c.a)


class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)

    def __getattribute__(self, name):
        target = object.__getattribute__(self, "_target")
        return getattr(target, name)


p = Proxy([3, 1, 2])
print(p.count(1), p.index(2))
for i in range(3):
    x.a
