class Upper:
    def __set_name__(self, owner, name):
        self.key = "_" + name

    def __get__(self, obj, cls):
        if obj is None:
            return self
        return getattr(obj, self.key, "").upper()

    def __set__(self, obj, value):
        setattr(obj, self.key, value)


class Base:
    name = Upper()


class Child(Base):
    pass


k = Child()
k.name = "ada"
print(k.name, k._name, type(Child.name).__name__, Child.name.key)
