class Meta(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls.created_by = mcls.__name__
        print("made", name)
        return cls


class Base(metaclass=Meta):
    pass


class Child(Base):
    pass


class Grand(Child):
    pass


print(type(Child) is Meta, type(Grand).__name__, Grand.created_by)
print(isinstance(Grand, Meta), isinstance(Grand, type), isinstance(Base(), Meta))
print(Grand.__class__.__name__)
