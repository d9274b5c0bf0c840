class C:
    pass


class D(C):
    pass


def who(cls, x=0):
    return (cls.__name__, x)


cm = classmethod(who)
print(cm.__get__(None, C)())
print(cm.__get__(D())(5))
print(cm.__get__(None, D)(1))
print(cm.__func__ is who)
