def gen(name):
    try:
        yield name
    finally:
        print("finalized at exit:", name)


first = gen("first")
next(first)
second = gen("second")
next(second)
_private = gen("_private")
next(_private)
print("end of module code")
