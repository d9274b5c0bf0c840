class Meta(type):
    pass


C = type.__new__(Meta, "C", (), {"a": 1})
print(type(C).__name__, C.a, C.__name__)
D = Meta("D", (C,), {})
print(type(D).__name__, D.a, issubclass(D, C))
print(type.__new__(type, "E", (), {}).__name__)
