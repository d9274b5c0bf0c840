# Built-ins consuming zip/enumerate/map take any number of items (a million in
# vm/tests/robustness.rs; fewer here to stay quick).
n = 20000
print(len(list(enumerate(range(n)))))
print(len(list(zip(range(n)))))
print(tuple(zip(range(n), range(n)))[-1])
print(sorted(zip(range(n)))[:2])
print(sum(map(abs, range(-n, n))))
print(max(enumerate(range(n))))
print(len(set(map(str, range(n)))))
print(len(dict(zip(range(n), range(n)))))
print(sum(1 for _ in zip(map(abs, range(n)), enumerate(range(n)))))
