def abstract(f):
    f.__isabstractmethod__ = True
    return f


class AbstractMeta(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        names = {k for k, v in ns.items() if getattr(v, "__isabstractmethod__", False)}
        for base in bases:
            for k in getattr(base, "__abstractmethods__", ()):
                if getattr(getattr(cls, k, None), "__isabstractmethod__", False):
                    names.add(k)
        cls.__abstractmethods__ = frozenset(names)
        return cls


class Shape(metaclass=AbstractMeta):
    @abstract
    def area(self):
        pass

    @abstract
    def name(self):
        pass


class Square(Shape):
    def area(self):
        return 4


class Full(Square):
    def name(self):
        return "square"


for cls in (Shape, Square, Full):
    try:
        obj = cls()
        print("made", type(obj).__name__, obj.area(), obj.name())
    except TypeError as e:
        print(e)
try:
    object.__new__(Square)
except TypeError as e:
    print(e)
