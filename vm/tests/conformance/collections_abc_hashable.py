from collections.abc import Hashable

for v in (1, 'a', (1,), frozenset(), None, [], {}, set(), bytearray()):
    print(type(v).__name__, isinstance(v, Hashable))
