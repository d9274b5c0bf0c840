from collections.abc import Sequence


class Thing:
    pass


print(issubclass(Thing, Sequence))
Sequence.register(Thing)
print(issubclass(Thing, Sequence), isinstance(Thing(), Sequence))
