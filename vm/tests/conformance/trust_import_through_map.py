# __import__ called by a built-in (map, list) rather than by Python code.
import sys

m = next(map(__import__, ["helper_mod"]))
print(m.GREETING, "helper_mod" in sys.modules)
mods = list(map(__import__, ["helper_mod", "math"]))
print(mods[0] is m, mods[1].floor(2.5))
