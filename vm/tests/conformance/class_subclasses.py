class Base:
    pass


class A(Base):
    pass


class B(Base):
    pass


class C(A, B):
    pass


print([k.__name__ for k in Base.__subclasses__()])
print([k.__name__ for k in A.__subclasses__()], C.__subclasses__())
