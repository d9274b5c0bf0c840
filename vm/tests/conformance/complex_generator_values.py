def gen():
    z = 1 + 1j
    while True:
        r = yield z
        z = z * (r if r is not None else 1j)


g = gen()
print(next(g), g.send(2), g.send(None), g.send(0.5j))
