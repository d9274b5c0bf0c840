from abc import ABC, abstractmethod


class A(ABC):
    @abstractmethod
    def f(self): ...


try:
    A()
except TypeError as e:
    print(e)


class B(A):
    def f(self):
        return 1


class C:
    pass


A.register(C)
print(B().f(), isinstance(B(), A), issubclass(C, A), isinstance(3, A))
print(object.__subclasshook__(int))
