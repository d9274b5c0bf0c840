class Dyn:
    existing = "real"

    def __getattr__(self, name):
        if name.startswith("x_"):
            return name[2:].upper()
        raise AttributeError(f"no attribute {name!r}")


d = Dyn()
print(d.existing, d.x_hello)
print(getattr(d, "missing", "default"))
print(hasattr(d, "x_y"), hasattr(d, "nope"))
try:
    d.nope
except AttributeError as e:
    print("AttributeError:", e)
