# collections.ChainMap.
from collections import ChainMap
base = {"a": 1, "b": 2}
over = {"b": 20, "c": 30}
cm = ChainMap(over, base)
print(cm["a"], cm["b"], cm.get("z", 0), len(cm), list(cm), "c" in cm)
print(cm)
cm["d"] = 4
del cm["b"]
print(over, base, cm.maps is cm.maps)
child = cm.new_child({"a": 100})
print(child["a"], child.parents["a"], dict(child))
print(list(cm.keys()), list(cm.items()), list(cm.values()))
try:
    del cm["a"]
except KeyError as e:
    print("KeyError", e)
print(ChainMap() == {}, bool(ChainMap({})), ChainMap.fromkeys("ab", 0))
