class P:
    def __init__(self):
        self.x = 1
        self.y = 2


p = P()
print(vars(p))
print([n for n in dir(p) if not n.startswith("__")])


def f(a, b=3):
    c = a + b
    return sorted(locals().items())


print(f(1))
print("P" in globals(), "zzz" in globals())
print(id(p) == id(p), id(p) == id(P()))
