class Logged:
    def __init__(self):
        self.a = 1

    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value * 2 if isinstance(value, int) else value)


class Frozen:
    def __setattr__(self, name, value):
        raise AttributeError("frozen: " + name)


class Sub(Logged):
    pass


x = Logged()
x.b = 5
print(x.a, x.b, vars(x))
s = Sub()
s.c = "z"
print(s.c)
f = Frozen()
try:
    f.q = 1
except AttributeError as e:
    print("AttributeError:", e)
setattr(x, "d", 3)
print(x.d)
