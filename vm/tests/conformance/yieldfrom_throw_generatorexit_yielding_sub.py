# GeneratorExit thrown into a delegator whose subgenerator yields instead of
# exiting: RuntimeError at the delegation point, after the delegator's finally.
def sub():
    try:
        yield 1
    except GeneratorExit:
        yield 2


def d():
    try:
        yield from sub()
    finally:
        print("delegator finally")


s_holder = []
g = d()
next(g)
s_holder.append(g.gi_yieldfrom)
try:
    g.throw(GeneratorExit)
except RuntimeError as e:
    print("RuntimeError:", e)
print(list(s_holder[0]))
