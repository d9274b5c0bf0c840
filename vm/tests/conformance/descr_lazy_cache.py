class lazy:
    def __init__(self, func):
        self.func = func
        self.name = func.__name__

    def __get__(self, obj, cls):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value
        setattr(obj, self.name, value)
        return value


class C:
    calls = 0

    @lazy
    def expensive(self):
        C.calls += 1
        return 42


c = C()
print(c.expensive, c.expensive, C.calls)
print(type(C.expensive).__name__)
