from collections.abc import Set, MutableSet

print(isinstance(set(), MutableSet), isinstance(frozenset(), Set))
print(isinstance(frozenset(), MutableSet), isinstance([], Set))
