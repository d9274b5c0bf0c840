class Point:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return object.__new__(cls)

    def __init__(self, x, y):
        print("init", x, y)
        self.x, self.y = x, y


p = Point(1, 2)
print(p.x, p.y, type(Point.__dict__["__new__"]).__name__)


class Other:
    def __new__(cls, v):
        return v * 2

    def __init__(self, v):
        print("never")


print(Other(21))


class Single:
    _inst = None

    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst


print(Single() is Single())
