# A frame object that outlives its frame keeps the frame's last line and variables.
import sys


def work():
    f = sys._getframe()
    x = 1
    y = 2
    return f


f = work()
print(f.f_lineno, sorted(f.f_locals), f.f_locals is f.f_locals)
print(f.f_back is sys._getframe(), f.f_code.co_name)


def gen():
    f = sys._getframe()
    a = 1
    yield f
    b = 2
    yield 3


g = gen()
f = next(g)
next(g)
g = None
print(f.f_lineno, sorted(f.f_locals))
