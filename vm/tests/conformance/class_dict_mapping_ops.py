class Base:
    a = 1


class C(Base):
    "C doc"
    b = 2

    def m(self):
        pass


d = C.__dict__
print("b" in d, "a" in d, "m" in d, d["b"], d.get("zz"))
print(sorted(k for k in d if not k.startswith("__")))
print("__doc__" in d, d["__doc__"], d["__module__"])
print("__qualname__" in d)
