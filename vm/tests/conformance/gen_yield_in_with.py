class Ctx:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self.name

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return False


def gen():
    with Ctx("a") as name:
        yield name + "1"
        yield name + "2"
    print("after with")


for v in gen():
    print(v)

g = gen()
print(next(g))
g.close()
print("closed")
