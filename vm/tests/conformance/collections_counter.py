from collections import Counter

c = Counter("abracadabra")
print(c.most_common(3))
print(c["a"], c["z"], len(c), sum(c.values()))
c.update("aaz")
print(c.most_common(2), c["z"])
c.subtract({"a": 10})
print(c["a"])
d = Counter(x=3, y=1)
e = Counter(x=1, y=2)
print(sorted((d + e).items()), sorted((d - e).items()), sorted((d | e).items()), sorted((d & e).items()))
print(sorted(Counter([1, 1, 2, 3, 3, 3]).elements()))
print(Counter("aab") == Counter("aba"), Counter(["x", "y", "x"]))
