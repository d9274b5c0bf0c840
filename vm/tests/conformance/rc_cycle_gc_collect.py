import gc


class Holder:
    pass


def gen(holder):
    try:
        yield 1
    finally:
        print("generator in cycle finalized")


h = Holder()
h.self_ref = h
h.g = gen(h)
next(h.g)
h = None
print("cycle unreachable, not yet collected")
gc.collect()
print("after gc.collect()")
