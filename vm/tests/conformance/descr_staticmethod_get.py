class C:
    pass


sm = staticmethod(len)
print(sm.__get__(None, C)([1, 2, 3]))
print(sm.__get__(C(), C)("ab"))
print(sm.__func__ is len)


def plain(a, b):
    return a + b


s2 = staticmethod(plain)
print(s2.__get__(3)(1, 2))
