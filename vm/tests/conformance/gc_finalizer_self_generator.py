import gc


def selfish(box):
    me = box[0]
    try:
        yield me
        yield 2
    finally:
        print("closing", len(box))


box = []
g = selfish(box)
box.append(g)
print(next(g) is g)
del g, box
print("before collect")
gc.collect()
print("after collect")
