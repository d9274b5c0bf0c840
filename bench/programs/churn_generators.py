"""Creates and abandons 300,000 suspended generators (each closed at once)."""


def worker(n):
    buf = [n] * 4
    try:
        while True:
            n = yield sum(buf)
            buf.append(n)
    finally:
        buf.clear()


total = 0
for i in range(300_000):
    g = worker(i)
    total += next(g)
    total += g.send(1)
print(total)
