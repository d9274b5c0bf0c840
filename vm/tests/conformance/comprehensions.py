print([x * x for x in range(6) if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print([[c for c in w] for w in ("ab", "cd")])
print({k: v for k, v in zip("abc", range(3))})
print({x % 3 for x in range(10)})
print({w: len(w) for w in ["one", "three"] if len(w) > 3})
x = "unchanged"
print([x for x in "xyz"], x)
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([y for row in matrix for y in row if y != 4])
print([v if v > 2 else -v for v in range(5)])
