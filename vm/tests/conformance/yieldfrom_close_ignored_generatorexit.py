# A subgenerator that ignores GeneratorExit: close() on the delegator raises
# RuntimeError at the yield from, so the delegator's finally runs first.
def sub():
    try:
        yield 1
    except GeneratorExit:
        print("sub ignores GeneratorExit")
    yield 2


def d():
    try:
        yield from sub()
    finally:
        print("delegator finally")


g = d()
next(g)
inner = g.gi_yieldfrom
try:
    g.close()
except RuntimeError as e:
    print("close raised:", e)
print(list(inner))
