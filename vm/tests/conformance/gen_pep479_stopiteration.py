def bad():
    yield 1
    raise StopIteration("leaked")


def inner_next():
    it = iter([])
    yield next(it)


for f in (bad, inner_next):
    try:
        print(list(f()))
    except RuntimeError as e:
        print("RuntimeError:", e)
        print("cause:", type(e.__cause__).__name__, e.__cause__)
