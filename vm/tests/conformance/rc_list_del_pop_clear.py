def gen(name):
    try:
        yield name
    finally:
        print("close", name)


def started(name):
    g = gen(name)
    next(g)
    return g


lst = [started(n) for n in ("a", "b", "c", "d", "e", "f", "g")]
print("del lst[1]")
del lst[1]
print("pop")
lst.pop()
print("pop(0)")
lst.pop(0)
print("slice assign")
lst[0:1] = []
print("clear")
lst.clear()
print("cleared")
lst = [started(n) for n in ("x", "y", "z")]
print("rebind list")
lst = None
print("end")
