class Point(tuple):
    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    def __repr__(self):
        return "Point(x=%r, y=%r)" % self


p = Point(1, 2)
print(p, p.x, p[1], len(p), tuple(p))
print(p == (1, 2), hash(p) == hash((1, 2)), isinstance(p, tuple))
a, b = p
print(a, b, str(p))


class Q(tuple):
    def __new__(cls, *items):
        return super().__new__(cls, items)


print(Q(3, 4, 5), type(Q(1)).__name__)
