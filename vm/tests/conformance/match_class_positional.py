class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


def f(p):
    match p:
        case Point3(a, b, c):
            return f"3d {a} {b} {c}"
        case Point(0, y):
            return f"y={y}"
        case Point(x, y=2):
            return f"x={x} with y 2"
        case Point(x):
            return f"x={x}"


print(f(Point(0, 1)), f(Point(5, 2)), f(Point(5, 6)), f(Point3(1, 2, 3)))
