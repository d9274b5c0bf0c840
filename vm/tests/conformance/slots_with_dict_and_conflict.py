class WithDict:
    __slots__ = ("a", "__dict__")


w = WithDict()
w.zz = 1
w.a = 2
print(w.zz, w.a)
try:
    class Bad:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print(e)
try:
    class Bad2:
        __slots__ = (1,)
except TypeError as e:
    print(e)
