import numbers


class MyInt(numbers.Integral):
    pass


try:
    MyInt()
except TypeError as e:
    print(type(e).__name__, "abstract")
print(issubclass(int, numbers.Integral), issubclass(complex, numbers.Real), issubclass(float, numbers.Complex))
