# throw() into a delegator whose delegate has no throw(): raised at the yield from.
class Ones:
    def __iter__(self):
        return self

    def __next__(self):
        return 1


def d():
    try:
        yield from Ones()
    except KeyError as e:
        print("delegator caught", repr(e))
        yield "after"


g = d()
print(next(g))
print(g.throw(KeyError("k")))
