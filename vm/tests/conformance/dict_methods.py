d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(d.pop("b"), d.pop("zz", "none"), d)
print(d.setdefault("a", 100), d.setdefault("n", []), d)
d.update({"a": 10, "e": 5}, f=6)
d.update([("g", 7)])
print(d)
print(d.popitem(), d)
print(dict.fromkeys(["x", "y"], 0), dict(zip("ab", [1, 2])), dict(a=1, b=2))
d2 = d.copy()
d2["a"] = -1
print(d["a"], d2["a"], len(d2))
d2.clear()
print(d2, {1: "a"} | {2: "b"}, {1: 1} == {1: 1.0})
m = {1: "one"}
m |= {1: "uno", 3: "tres"}
print(m, sorted(m.items(), reverse=True))
del m[1]
m[1] = "again"
print(list(m))
for k in {"z": 0, "y": 0, "x": 0}:
    print(k, end=" ")
print()
