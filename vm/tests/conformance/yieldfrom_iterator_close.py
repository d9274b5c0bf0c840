class It:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        return self.n

    def close(self):
        print("It.close called")


def outer():
    yield from It()


g = outer()
print(next(g), next(g))
g.close()
print("done")
