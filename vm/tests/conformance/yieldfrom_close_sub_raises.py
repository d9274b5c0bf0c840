# An error raised while closing the subgenerator replaces the GeneratorExit in
# the delegator, where it can be caught.
def sub():
    try:
        yield 1
    finally:
        raise ValueError("from sub's finally")


def d():
    try:
        yield from sub()
    except ValueError as e:
        print("delegator caught", e)
        raise


g = d()
next(g)
try:
    g.close()
except ValueError as e:
    print("close raised", e)
