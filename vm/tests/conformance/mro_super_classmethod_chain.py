class A:
    @classmethod
    def create(cls, *parts):
        return [cls.__name__, "A"] + list(parts)


class B(A):
    @classmethod
    def create(cls, *parts):
        return super().create("B", *parts)


class C(A):
    @classmethod
    def create(cls, *parts):
        return super().create("C", *parts)


class D(B, C):
    @classmethod
    def create(cls, *parts):
        return super().create("D", *parts)


print(D.create())
print(D().create("x"))
