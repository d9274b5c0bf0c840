# Keeping the exception keeps the frames its traceback passed through, and
# what they held, until the last reference to it goes.
def gen():
    try:
        yield 1
    finally:
        print("gen closed")


def fail():
    g = gen()
    next(g)
    raise ValueError("boom")


saved = None
try:
    fail()
except ValueError as e:
    saved = e
print("handler done, exception kept")
saved = None
print("exception dropped")
