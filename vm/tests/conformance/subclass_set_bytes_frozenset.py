class S(set):
    pass


class FS(frozenset):
    pass


class B(bytes):
    pass


s = S([3, 1, 2])
s.add(4)
print(sorted(s), len(s), 2 in s, type(s).__name__, s | {9} == {1, 2, 3, 4, 9})
f = FS([1, 2])
print(sorted(f), hash(f) == hash(frozenset([1, 2])), f == frozenset([1, 2]), isinstance(f, frozenset))
b = B(b"ab")
print(b, len(b), b.upper(), b[0], b + b"c", bytes(b), isinstance(b, bytes))
print(issubclass(S, set), type(f) is FS, f.__class__.__name__, b.__dict__)
