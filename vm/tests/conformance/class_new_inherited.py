class Base:
    def __new__(cls, *args, **kw):
        inst = super().__new__(cls)
        inst.made_by = cls.__name__
        return inst


class Child(Base):
    def __init__(self, a, b=2):
        self.total = a + b


c = Child(1, b=5)
print(c.made_by, c.total)
