import sys


def gen():
    print("in gen:", sys.exc_info()[0])
    try:
        raise ValueError("inner")
    except ValueError:
        yield sys.exc_info()[0].__name__
        print("resumed:", sys.exc_info()[0].__name__)
    yield sys.exc_info()[0]


g = gen()
try:
    raise KeyError("outer")
except KeyError:
    print(next(g))
    print("outer sees:", sys.exc_info()[0].__name__)
print(next(g))
print("outer after:", sys.exc_info()[0])
