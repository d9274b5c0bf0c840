"""Builds and drops 200,000 small dicts and lists."""

total = 0
for i in range(200_000):
    d = {"id": i, "tags": [str(i), "x"], "pos": (i, i + 1)}
    total += len(d["tags"]) + d["pos"][1]
print(total)
