import collections.abc
from collections.abc import Mapping, Sequence

print(collections.abc.__name__)
print(Mapping.__name__, Sequence.__module__)
print(collections.abc.Mapping is Mapping)
