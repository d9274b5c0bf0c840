class A:
    present = "class attr"

    def __init__(self):
        self.own = "instance attr"

    def __getattr__(self, name):
        if name.startswith("x"):
            return name * 2
        raise AttributeError(f"no {name}")


a = A()
print(a.own, a.present, a.xy)
print(getattr(a, "zz", "default"), hasattr(a, "q"))
try:
    a.missing
except AttributeError as e:
    print("AttributeError:", e)
