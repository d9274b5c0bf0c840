class Temp:
    __match_args__ = ("celsius", "fahrenheit")

    def __init__(self, c):
        self.celsius = c

    @property
    def fahrenheit(self):
        print("computing fahrenheit")
        return self.celsius * 9 / 5 + 32

    @property
    def broken(self):
        raise AttributeError("no such thing")


match Temp(100):
    case Temp(c, f):
        print(c, f)

match Temp(5):
    case Temp(broken=_):
        print("never")
    case Temp(celsius=c):
        print("fell through to", c)
