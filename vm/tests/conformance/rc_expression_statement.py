def gen(name):
    try:
        print("start", name)
        yield name
    finally:
        print("finally", name)


next(gen("a"))
print("after statement a")
print(next(gen("b")))
print("after statement b")
value = next(gen("c"))
print("bound", value)
