# Frames kept by a long traceback are released innermost first when the exception goes,
# through recursion and through a yield from chain.
import gc
def gen(i):
    try:
        yield i
    finally:
        if i % 250 == 0:
            print("close", i)

def rec(n):
    g = gen(n)
    next(g)
    if n == 0:
        raise ValueError("bottom")
    return rec(n - 1)

try:
    rec(600)
except ValueError as e:
    print("caught", e)
print("after")

def boom(depth):
    x = [depth]
    return boom(depth + 1)

try:
    boom(0)
except RecursionError as e:
    print("recursion", type(e).__name__)

def outer():
    yield from middle()
def middle():
    yield from inner()
def inner():
    local = gen(1000)
    next(local)
    yield 1
    raise KeyError("k")

o = outer()
next(o)
try:
    next(o)
except KeyError:
    print("keyerror through yield from")
print("end")
