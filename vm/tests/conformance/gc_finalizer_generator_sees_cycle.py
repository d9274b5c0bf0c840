import gc


class Box:
    pass


def watcher(box):
    try:
        yield
    finally:
        # The cycle is still intact while the finalizer runs (PEP 442).
        print("finally sees", box.label, box.gen is not None)


b = Box()
b.label = "box"
b.gen = watcher(b)
next(b.gen)
del b
gc.collect()
print("end")
