def gen():
    a = 10 + (yield "first") * 2
    print("a =", a)
    b = [(yield "x"), (yield "y")]
    print("b =", b)
    c = f((yield "arg1"), k=(yield "kw"))
    print("c =", c)


def f(p, k):
    return p + k


g = gen()
print(next(g))
print(g.send(5))
print(g.send("X"))
print(g.send("Y"))
print(g.send(100))
try:
    g.send(23)
except StopIteration:
    print("done")
