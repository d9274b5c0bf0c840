# Closing a delegator whose delegate is an iterator without close(): only the
# delegator is closed.
class Count:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        return self.n


def d():
    try:
        yield from Count()
    finally:
        print("delegator finally")


g = d()
print(next(g), next(g))
g.close()
print("closed", g.gi_frame)
