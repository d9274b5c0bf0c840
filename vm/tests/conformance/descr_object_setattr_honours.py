class D:
    def __set__(self, obj, v):
        print("D.__set__", v)

    def __get__(self, obj, cls):
        return "from D"


class C:
    d = D()

    def __setattr__(self, name, value):
        print("C.__setattr__", name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        print("C.__delattr__", name)
        object.__delattr__(self, name)


c = C()
c.d = 1
c.e = 2
print(c.d, c.e)
del c.e
print(hasattr(c, "e"))
