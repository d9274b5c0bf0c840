class S(str):
    def shout(self):
        return self.upper() + "!"


s = S("hi")
print(s, repr(s), s.shout(), s + "x", str(s), len(s), s == "hi")


class I(int):
    def __repr__(self):
        return "I(%d)" % int(self)


i = I(5)
print(i, i + 1, repr(i), i * 2, int.__new__(I, 7), i == 5, hash(i) == hash(5))
print(isinstance(i, int), type(i).__name__)


class F(float):
    pass


print(F(1.5) + 1, F("2.5"), float(F(3.0)))
