from collections.abc import Sequence, MutableSequence

for v in ([], (), '', b'', bytearray(), range(3)):
    print(type(v).__name__, isinstance(v, Sequence), isinstance(v, MutableSequence))
