def gen():
    x = yield 1
    print("got", x)
    yield 2


g = gen()
try:
    g.send(42)
except TypeError as e:
    print("TypeError:", e)
print(g.send(None))
print(g.send("hello"))
