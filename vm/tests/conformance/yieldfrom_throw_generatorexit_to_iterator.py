# GeneratorExit thrown into a delegator with an iterator delegate calls the
# iterator's close(), not its throw().
class It:
    def __iter__(self):
        return self

    def __next__(self):
        return 0

    def close(self):
        print("It.close")

    def throw(self, *args):
        print("It.throw")
        return 1


def d():
    try:
        yield from It()
    finally:
        print("delegator finally")


g = d()
next(g)
try:
    g.throw(GeneratorExit)
except GeneratorExit:
    print("GeneratorExit propagated")
g2 = d()
next(g2)
print(g2.throw(ValueError))
