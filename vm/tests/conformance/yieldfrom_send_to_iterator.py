def outer():
    yield from iter([1, 2, 3])


g = outer()
print(next(g))
print(g.send(None))
try:
    g.send("x")
except AttributeError as e:
    print("AttributeError:", e)
