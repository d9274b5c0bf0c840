class A:
    def who(self):
        return "A"

    @classmethod
    def make(cls):
        return "A.make " + cls.__name__


class B(A):
    def who(self):
        return "B>" + super().who()

    @classmethod
    def make(cls):
        return "B.make>" + super().make()


class C(B):
    def who(self):
        return "C>" + super(B, self).who()


c = C()
print(c.who())
print(super(C, c).who())
print(super(B, C).make())
print(C.make())
print(type(super(C, c)).__name__)
