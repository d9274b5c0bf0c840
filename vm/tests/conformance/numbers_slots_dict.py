class Point:
    __slots__ = {"x": "the abscissa", "y": "the ordinate"}

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.x, p.y, sorted(Point.__slots__))
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__)
