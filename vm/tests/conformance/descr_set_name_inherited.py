class Base:
    def __set_name__(self, owner, name):
        print("named", type(self).__name__, owner.__qualname__, name)


class Sub(Base):
    pass


class Outer:
    class Inner:
        x = Sub()

    y = Base()
