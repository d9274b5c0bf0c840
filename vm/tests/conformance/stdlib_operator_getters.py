import operator


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dist(self, k):
        return (self.x + self.y) * k


p = P(1, 2)
print(operator.attrgetter("x")(p), operator.attrgetter("y")(p))
print(operator.itemgetter(1)([5, 6, 7]), operator.itemgetter(0, 2)("abc"))
print(operator.methodcaller("dist", 3)(p))
print(sorted([(2, "b"), (1, "a")], key=operator.itemgetter(0)))
print(operator.attrgetter("x"), operator.itemgetter(1, 2))
