class Frozen:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        object.__setattr__(self, "a", a)
        object.__setattr__(self, "b", b)

    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is frozen")


f = Frozen(1, 2)
print(f.a, f.b)
try:
    f.a = 3
except AttributeError as e:
    print(e)
try:
    object.__setattr__(f, "c", 1)
except AttributeError as e:
    print(e)
