class NonData:
    def __get__(self, obj, cls):
        return "nondata"


class Data:
    def __get__(self, obj, cls):
        return "data"

    def __set__(self, obj, v):
        raise AttributeError("read-only")


class C:
    nd = NonData()
    d = Data()
    plain = "class value"


c = C()
c.__dict__["nd"] = "instance nd"
c.__dict__["d"] = "instance d"
c.__dict__["plain"] = "instance plain"
print(c.nd, c.d, c.plain)
print(C.nd, C.d, C.plain)
try:
    c.d = 1
except AttributeError as e:
    print("AttributeError:", e)
