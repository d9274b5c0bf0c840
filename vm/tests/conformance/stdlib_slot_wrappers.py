f = frozenset([1, 2]).__contains__
print(f(1), f(3))
print(dict.__getitem__({"a": 1}, "a"), {"b": 2}.__getitem__("b"), [1, 2, 3].__len__(), list.__len__([1]))
print(hasattr(dict, "__getitem__"), hasattr(3, "__getitem__"), "abc".__contains__("b"))
try:
    [].__getitem__(3)
except IndexError as e:
    print(e)
