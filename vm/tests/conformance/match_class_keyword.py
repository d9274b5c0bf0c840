class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Other:
    pass


def f(p):
    match p:
        case Point(x=0, y=0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x=x, y=0):
            return f"on x axis at {x}"
        case Point():
            return "somewhere"
        case Other(missing=_):
            return "never"
        case Other():
            return "other"
        case _:
            return "not a point"


for v in [Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1), Other(), 5]:
    print(f(v))
