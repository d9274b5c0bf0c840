# types.MethodType binds a function to an object.
import types


class A:
    pass


def g(self, x):
    return type(self).__name__, x


a = A()
m = types.MethodType(g, a)
print(m(3), m.__self__ is a, m.__func__ is g)
print(type(m) is types.MethodType, m == types.MethodType(g, a))
try:
    types.MethodType(1, a)
except TypeError as e:
    print(e)
