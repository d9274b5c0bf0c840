# A frame object of a generator stays its frame across resumes from other places.
import sys


def child():
    while True:
        yield sys._getframe()


def driver(c):
    yield next(c)


c = child()
f1 = next(c)
f2 = next(driver(c))
print(f1 is f2, f1 is c.gi_frame)
print(f1.f_back is None, c.gi_frame.f_back is None)


def child2():
    f = sys._getframe()
    while True:
        yield f.f_back.f_code.co_name


c2 = child2()


def caller():
    return next(c2)


print(caller(), next(c2))
