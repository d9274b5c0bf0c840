def f(self, x):
    return (type(self).__name__, x)


class C:
    pass


c = C()
m = f.__get__(c, C)
print(m(1))
print(m.__self__ is c, m.__func__ is f)
print(f.__get__(None, C) is f)
print(C.__dict__.get("nothing"), f.__get__(c)(2))
