import gc

kept = []


def gen(box):
    try:
        yield 1
    finally:
        kept.append(box)
        print("finalizer stored the box")


box = []
g = gen(box)
box.append(g)
next(g)
del g, box
gc.collect()
print(len(kept), len(kept[0]))
print(kept[0][0].gi_frame is None)
