def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total


g = accumulator()
print(next(g))
print(g.send(5))
print(g.send(10))
print(g.send(-3))
try:
    g.send(None)
except StopIteration as e:
    print("stopped with", e.value)
