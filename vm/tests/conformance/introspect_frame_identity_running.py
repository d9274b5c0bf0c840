# A frame object follows its frame while it runs: f_lineno and f_locals update.
import sys


def work():
    f = sys._getframe()
    n = 1
    first = f.f_lineno
    n = 2
    second = f.f_lineno
    loc = f.f_locals
    same = loc is f.f_locals
    return f, first, second, loc["n"], same


f, first, second, n, same = work()
print(second - first, n, same)
print(f.f_code.co_name, f.f_back.f_code.co_name)


def gen():
    f = sys._getframe()
    yield f
    k = "later"
    yield k


g = gen()
f = next(g)
print(f is g.gi_frame, sorted(f.f_locals))
next(g)
print(sorted(f.f_locals), f.f_locals["k"])
