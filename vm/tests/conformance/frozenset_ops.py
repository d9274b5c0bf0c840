fs = frozenset([3, 1, 2, 3])
print(fs, len(fs), 2 in fs)
other = frozenset({2, 3, 4})
print(sorted(fs | other), sorted(fs & other), type(fs | other).__name__)
print(type({1} | fs).__name__, type(fs | {1}).__name__)
d = {fs: "frozen key"}
print(d[frozenset([1, 2, 3])])
print(frozenset() == set(), fs == {1, 2, 3}, frozenset([1]) < fs)
nested = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(nested))
try:
    fs.add(5)
except AttributeError as e:
    print("AttributeError:", e)
try:
    {{1}}
except TypeError as e:
    print("TypeError:", e)
print(repr(frozenset()))
