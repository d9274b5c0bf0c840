class Recorder(dict):
    def __init__(self):
        super().__init__()
        self.order = []

    def __setitem__(self, key, value):
        if not key.startswith("__"):
            self.order.append(key)
        super().__setitem__(key, value)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Recorder()

    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls.order = ns.order
        return cls


class C(metaclass=Meta):
    b = 1
    a = 2

    def f(self):
        return self.a + self.b_ref

    b_ref = b


print(C.order, C.a, C().f())
