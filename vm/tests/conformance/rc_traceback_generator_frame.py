# A generator ended by an exception: its frame stays with the traceback, so
# what its locals held is freed when the exception is.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("freed", self.name)


def gen():
    keep = Noisy("local of gen")
    yield 1
    raise RuntimeError("stop")


g = gen()
next(g)
try:
    next(g)
except RuntimeError as e:
    print("caught", e)
print("end of handler passed")
