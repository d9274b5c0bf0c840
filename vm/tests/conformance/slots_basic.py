class P:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


p = P(1)
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print(e)
try:
    p.y
except AttributeError as e:
    print(e)
p.y = 5
print(p.y, hasattr(p, "__dict__"))
del p.y
print(hasattr(p, "y"))
try:
    vars(p)
except TypeError as e:
    print(e)
