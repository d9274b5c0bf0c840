def gen(name):
    try:
        yield name
    finally:
        print("close", name)


d = {}
d["k"] = gen("one")
next(d["k"])
d["k"] = gen("two")
print("replaced")
next(d["k"])
del d["k"]
print("deleted key")
