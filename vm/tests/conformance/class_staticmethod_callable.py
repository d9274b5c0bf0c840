class C:
    @staticmethod
    def s(x):
        return x * 2

    @classmethod
    def c(cls):
        return cls.__name__


raw = C.__dict__["s"]
print(callable(raw), raw(4), type(raw).__name__)
print(callable(C.__dict__["c"]), type(C.__dict__["c"]).__name__)
print(C.s(1), C().s(2), C.c(), C().c())
print(C.__dict__["c"].__func__.__name__, raw.__func__.__name__)
