# exec/eval in a class body use its namespace; in a generator, its variables.
class C:
    exec("k = 5")
    v = eval("k + 1")


print(C.k, C.v)


def gen():
    x = yield eval("1")
    exec("print('in gen', x)")
    yield 2


g = gen()
print(next(g))
print(g.send(9))
