def gen():
    try:
        yield 1
    finally:
        print("gen finally")


def fail():
    g = gen()
    next(g)
    raise ValueError("boom")


try:
    fail()
except ValueError as e:
    print("handling", e)
print("handler exited")
