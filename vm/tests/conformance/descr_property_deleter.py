class C:
    def __init__(self):
        self._v = 1

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        self._v = value

    @v.deleter
    def v(self):
        print("deleting v")
        del self._v


c = C()
c.v = 7
print(c.v)
del c.v
print(hasattr(c, "_v"))


class R:
    @property
    def v(self):
        return 1


try:
    del R().v
except AttributeError as e:
    print("AttributeError:", e)
