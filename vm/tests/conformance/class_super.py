class Base:
    def __init__(self, name):
        self.name = name

    def describe(self):
        return f"Base({self.name})"


class Mid(Base):
    def describe(self):
        return "Mid<" + super().describe() + ">"


class Leaf(Mid):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra

    def describe(self):
        return "Leaf[" + super().describe() + f", {self.extra}]"


obj = Leaf("n", 7)
print(obj.describe())
print(super(Mid, obj).describe())
print(isinstance(obj, Base), issubclass(Leaf, Mid), issubclass(Base, Leaf))
