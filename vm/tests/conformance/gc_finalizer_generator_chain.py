import gc

closed = []


def outer(inner):
    try:
        yield from inner
    finally:
        closed.append("outer")


def inner():
    try:
        yield 1
        yield 2
    finally:
        closed.append("inner")


i = inner()
o = outer(i)
next(o)
holder = [o]
holder.append(holder)
del o, i, holder
gc.collect()
print(sorted(closed))
