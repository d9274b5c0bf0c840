class Tag:
    def __get__(self, obj, cls):
        return ("get", obj is None, cls.__name__)


class C:
    t = Tag()


c = C()
print(c.t)
print(C.t)
c.__setattr__("t", 5)
print(c.t)


class D(C):
    pass


print(D().t, D.t)
