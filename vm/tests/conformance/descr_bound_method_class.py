class Method:
    def __init__(self, f):
        self.f = f

    def __get__(self, obj, cls):
        if obj is None:
            return self
        return lambda *a: self.f(obj, *a)


class C:
    @Method
    def add(self, x):
        return ("add", x)


c = C()
print(c.add(3))
m = c.add
print(m(4))
