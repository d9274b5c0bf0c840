class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__ kw", kw)
        return super().__new__(mcls, name, bases, ns, **kw)


class Base(metaclass=Meta):
    def __init_subclass__(cls, flavour="plain", **kw):
        super().__init_subclass__(**kw)
        cls.flavour = flavour


class Sweet(Base, flavour="sweet"):
    pass


print(Sweet.flavour)
