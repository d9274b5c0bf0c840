class Box:
    def items(self):
        yield 1


g = Box().items()
print(g.__name__, g.__qualname__)
g.__name__ = "renamed"
g.__qualname__ = "Box.renamed"
print(g.__name__, g.__qualname__, g.gi_code.co_name, g.gi_code.co_qualname)
print(repr(g).startswith("<generator object Box.renamed at 0x"))
try:
    g.__name__ = 5
except TypeError as e:
    print("TypeError:", e)
print(g.gi_running, g.gi_suspended)
next(g)
print(g.gi_running, g.gi_suspended)
