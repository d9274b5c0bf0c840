# A copy of globals() is a plain dict; popitem on a module namespace unbinds.
import copy
import helper_ns_mod as m

snap = dict(globals())
snap["nothere"] = 1
print("nothere" in globals())
deep = copy.deepcopy({"k": 1})
g2 = globals().copy()
g2["other"] = 2
print("other" in globals())
d = vars(m)
d["extra"] = 1
k, v = d.popitem()
print(k, v, hasattr(m, "extra"))
