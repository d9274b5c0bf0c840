class A:
    def who(self):
        return "A"


class B:
    def who(self):
        return "B"


x = A()
x.v = 1
x.__class__ = B
print(x.who(), type(x).__name__, isinstance(x, B), x.v)
for bad in [3, int]:
    try:
        x.__class__ = bad
    except TypeError as e:
        print(e)
print(type(x).__name__)
