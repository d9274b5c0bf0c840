class C:
    pass


class D:
    __match_args__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = 2


class E:
    __match_args__ = ["a"]


class F:
    __match_args__ = (1,)


def attempt(label, fn):
    try:
        print(label, fn())
    except TypeError as e:
        print(label, "TypeError:", e)


def t0():
    match C():
        case C(x):
            return x


def t1():
    match 3:
        case len():
            return 1


def t2():
    match E():
        case E(x):
            return x


def t3():
    match F():
        case F(x):
            return x


def t4():
    match D():
        case D(x, a=y):
            return x, y


def t5():
    match 3:
        case int(x, y):
            return x, y


def t6():
    match D():
        case D(p, q, r):
            return p


def t7():
    match "not a C":
        case C(x):
            return x
    return "no match, no error"


for i, t in enumerate([t0, t1, t2, t3, t4, t5, t6, t7]):
    attempt(i, t)
