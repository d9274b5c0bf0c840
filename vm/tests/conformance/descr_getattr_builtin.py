class D:
    def __get__(self, obj, cls):
        return (obj is None, cls.__name__)

    def __set__(self, obj, value):
        print("set via setattr", value)

    def __delete__(self, obj):
        print("delete via delattr")


class C:
    x = D()


c = C()
print(getattr(c, "x"), getattr(C, "x"))
setattr(c, "x", 3)
delattr(c, "x")
print(hasattr(c, "x"))
