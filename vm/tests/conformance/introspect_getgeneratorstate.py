import inspect


def worker():
    total = 0
    while True:
        print("inside:", inspect.getgeneratorstate(g))
        total += yield total


g = worker()
print(inspect.getgeneratorstate(g))
next(g)
g.send(5)
print(inspect.getgeneratorstate(g))
g.close()
print(inspect.getgeneratorstate(g))
print(inspect.GEN_CREATED, inspect.GEN_RUNNING, inspect.GEN_SUSPENDED, inspect.GEN_CLOSED)


def short():
    yield 1


s = short()
print(list(s), inspect.getgeneratorstate(s))
