class Plain:
    pass


for args, kw in [((1,), {}), ((), {"a": 1})]:
    try:
        Plain(*args, **kw)
    except TypeError as e:
        print(e)


class WithNew:
    def __new__(cls, *a, **k):
        return super().__new__(cls)


print(type(WithNew(1, x=2)).__name__)
