from collections import defaultdict

groups = defaultdict(list)
for word in ["apple", "bean", "avocado", "beet", "corn"]:
    groups[word[0]].append(word)
print(dict(groups))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()))
print(counts["zzz"], "zzz" in counts, counts.default_factory)
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 2
print(nested["a"]["x"], nested["b"]["y"], len(nested))
plain = defaultdict()
try:
    plain["missing"]
except KeyError as e:
    print("KeyError:", e)
print(groups.get("q"), "q" in groups)
