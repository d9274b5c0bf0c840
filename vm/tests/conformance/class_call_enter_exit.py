class Multiplier:
    def __init__(self, k):
        self.k = k

    def __call__(self, x):
        return x * self.k


class Guard:
    def __init__(self, suppress):
        self.suppress = suppress

    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None, ev)
        return self.suppress


triple = Multiplier(3)
print(triple(14), callable(triple), callable(3))
with Guard(True) as g:
    print("inside", type(g).__name__)
    raise ValueError("suppressed")
print("after suppressed")
try:
    with Guard(False):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))
