# A frame that keeps the exception that ended it is a cycle (exception ->
# traceback -> frame -> local -> exception); the cycle collector frees it.
import gc


def gen():
    try:
        yield 1
    finally:
        print("gen closed")


def fail():
    g = gen()
    next(g)
    try:
        raise ValueError("first")
    except ValueError as e:
        err = e
    raise err


gc.collect()
try:
    fail()
except ValueError:
    print("caught")
print("before collect")
gc.collect()
print("after collect")
