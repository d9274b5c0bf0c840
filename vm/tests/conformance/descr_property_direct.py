class C:
    def __init__(self):
        self._x = 1

    def getx(self):
        "x doc"
        return self._x

    def setx(self, v):
        self._x = v

    def delx(self):
        print("del x")

    x = property(getx, setx, delx)


c = C()
p = C.__dict__["x"]
print(p.__get__(c, C))
print(p.__get__(None, C) is p)
p.__set__(c, 10)
print(c.x)
p.__delete__(c)
print(p.fget is C.getx, p.fset is C.setx, p.fdel is C.delx)
print(p.__doc__)
ro = property(lambda self: 1)
try:
    ro.__set__(c, 2)
except AttributeError as e:
    print("AttributeError:", e)
