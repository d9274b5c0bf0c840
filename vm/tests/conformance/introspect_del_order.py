class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def scope():
    a = D("a")
    b = D("b")
    c = D("c")
    print("leaving scope")


scope()
print("after scope")
items = [D("x"), D("y"), D("z")]
items = None
print("after list")
t = (D("t1"), D("t2"))
del t
d = {"k1": D("v1"), "k2": D("v2")}
d.clear()
print("after dict")


def gen():
    r = D("gen-local")
    yield 1
    yield 2


g = gen()
next(g)
del g
print("after generator")
x = D("rebound")
x = D("new")
print("end")
