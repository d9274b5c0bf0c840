def worker():
    print("start")
    yield 1
    print("never reached")
    yield 2


def drive():
    g = worker()
    print(next(g))
    g.throw(KeyError("missing"))


drive()
