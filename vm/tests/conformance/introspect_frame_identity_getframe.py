# sys._getframe() inside a running generator is its gi_frame.
import inspect
import sys


def gen():
    me = yield
    while True:
        f = sys._getframe()
        me = yield f is me.gi_frame, f is inspect.currentframe(), f is sys._getframe(0)


g = gen()
next(g)
print(g.send(g))
print(g.send(g))


def outer():
    return inner()


def inner():
    f = sys._getframe()
    return f, f is sys._getframe(), f.f_back is sys._getframe(1), f.f_back is f.f_back


f, *same = outer()
print(same)
print(f.f_code.co_name, f.f_back.f_code.co_name, f.f_back.f_back is sys._getframe())
