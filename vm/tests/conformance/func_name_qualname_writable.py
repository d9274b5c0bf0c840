# __name__ and __qualname__ are writable (strings only).
def f():
    pass


f.__name__ = "renamed"
f.__qualname__ = "Outer.renamed"
print(f.__name__, f.__qualname__)
print(repr(f).split(" at ")[0])
try:
    f.__name__ = 3
except TypeError as e:
    print(e)
