class Base:
    __match_args__ = ("a",)

    def __init__(self, a):
        self.a = a


class Child(Base):
    pass


class Missing(Base):
    def __init__(self):
        pass


for obj in [Child(1), Base(2), Missing()]:
    match obj:
        case Child(x):
            print("child", x)
        case Base(x):
            print("base", x)
        case Base():
            print("base without attribute a")
