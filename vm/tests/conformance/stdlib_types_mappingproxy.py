import types

m = types.MappingProxyType({"a": 1})
print(m["a"], len(m), "a" in m)
print(types.SimpleNamespace(a=1))
