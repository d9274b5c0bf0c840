# Functions made by exec form a cycle with their globals dict; dropping them
# frees it (by counts or by the collector) and the functions keep working.
import gc
for i in range(50):
    ns = {}
    exec("def f():\n    return g\ng = 1", ns)
    f = ns["f"]
    del ns
    print(f(), end=" ") if i % 10 == 0 else None
    del f
print(gc.collect() >= 0)
d = {}
exec("def h(): return 2", d)
h = d.pop("h")
del d
print(h(), h.__globals__["__builtins__"] is not None)
