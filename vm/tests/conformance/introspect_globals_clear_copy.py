# A copy of globals() is a plain dict; popitem and clear on a module namespace unbind.
import helper_ns_mod as m

snap = dict(globals())
snap["nothere"] = 1
print("nothere" in globals())
g2 = globals().copy()
g2["other"] = 2
print("other" in globals())
d = vars(m)
d["extra"] = 1
k, v = d.popitem()
print(k, v, hasattr(m, "extra"))
d.clear()
print(hasattr(m, "value"), len(d), len(vars(m)))
m.value = 7
print(d)
