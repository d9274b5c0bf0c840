class A:
    pass


class B(A):
    pass


class C:
    pass


class D(B, C):
    pass


print([k.__name__ for k in D.__mro__])
print(D.__mro__[-1] is object, object.__mro__ == (object,))
print(A.mro() == [A, object], type(D.mro()).__name__)
