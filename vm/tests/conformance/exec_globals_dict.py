# exec with a plain dict as globals: functions defined see it as __globals__.
ns = {}
exec("def f(x):\n    return x + y\ny = 5", ns)
print(ns["f"](1))
print(sorted(k for k in ns if k != "__builtins__"))
print(ns["f"].__globals__ is ns, "__builtins__" in ns)
ns["y"] = 10
print(ns["f"](1))
