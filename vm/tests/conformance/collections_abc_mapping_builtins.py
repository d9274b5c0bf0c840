from collections.abc import Mapping, MutableMapping

print(issubclass(dict, MutableMapping), isinstance({}, Mapping))
print(isinstance([], Mapping), isinstance(set(), Mapping))
