class Data:
    def __get__(self, obj, cls):
        if obj is None:
            return self
        return getattr(obj, "_v", "unset")

    def __set__(self, obj, value):
        print("set", value)
        obj._v = value * 2

    def __delete__(self, obj):
        print("delete")
        del obj._v


class C:
    d = Data()


c = C()
print(c.d)
c.d = 4
print(c.d)
setattr(c, "d", 5)
print(getattr(c, "d"))
del c.d
print(c.d)
print(type(C.d).__name__)
