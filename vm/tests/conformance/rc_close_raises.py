def gen():
    try:
        yield 1
    finally:
        raise ValueError("raised while being finalized")


g = gen()
next(g)
print("dropping")
g = None
print("execution continues")
