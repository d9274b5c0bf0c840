# GeneratorExit thrown into a delegator closes the subgenerator (which returns)
# and is then raised in the delegator: the return value is not used.
def sub():
    try:
        yield 1
    except GeneratorExit:
        print("sub got GeneratorExit")
        return 5


def d():
    try:
        r = yield from sub()
        print("not reached", r)
    finally:
        print("delegator finally")


g = d()
next(g)
try:
    g.throw(GeneratorExit)
except GeneratorExit:
    print("GeneratorExit propagated")
print(g.gi_frame)
