import inspect


def worker(start):
    total = start
    while True:
        step = yield total
        total += step


g = worker(10)
print(inspect.getgeneratorlocals(g))
next(g)
print(inspect.getgeneratorlocals(g))
g.send(5)
print(inspect.getgeneratorlocals(g))
g.close()
print(inspect.getgeneratorlocals(g))
try:
    inspect.getgeneratorlocals([1, 2])
except TypeError as e:
    print("TypeError:", e)
