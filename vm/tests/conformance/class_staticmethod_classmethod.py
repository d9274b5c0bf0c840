class Shape:
    count = 0

    def __init__(self, sides):
        self.sides = sides
        Shape.count += 1

    @classmethod
    def triangle(cls):
        return cls(3)

    @staticmethod
    def describe(n):
        return f"{n} sides"

    @classmethod
    def kind(cls):
        return cls.__name__


class Square(Shape):
    pass


t = Shape.triangle()
s = Square.triangle()
print(t.sides, type(s).__name__, Shape.count)
print(Shape.describe(4), t.describe(5))
print(Shape.kind(), Square.kind(), s.kind())
