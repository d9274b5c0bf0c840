class Duck(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")

    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")


class Quacker(metaclass=Duck):
    pass


class Real:
    def quack(self):
        return "quack"


class Stone:
    pass


print(isinstance(Real(), Quacker), isinstance(Stone(), Quacker))
print(issubclass(Real, Quacker), issubclass(Stone, Quacker))
print(isinstance(Quacker(), Quacker), isinstance(3, (int, Quacker)))
