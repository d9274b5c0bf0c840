# vars(mod), mod.__dict__ and setattr(mod, ...) all see one namespace.
import helper_ns_mod as m

d = vars(m)
print(d is m.__dict__)
print(d["value"], d["show"] is m.show)
setattr(m, "y", 2)
print(m.show("y"), m.read_y(), d["y"])
d["y"] = 3
print(m.y, m.read_y())
del m.y
print(m.show("y"), "y" in d)
m.__dict__["z"] = "zed"
print(m.z, m.show("z"))
