def gen():
    received = []
    while len(received) < 3:
        received.append((yield len(received)))
    yield received


g = gen()
print(next(g))
print(g.send("a"))
print(next(g))
print(g.send("c"))
