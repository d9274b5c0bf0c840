class It:
    def __iter__(self):
        return self

    def __next__(self):
        return "item"

    def throw(self, typ, val=None, tb=None):
        print("It.throw got", typ.__name__ if isinstance(typ, type) else type(typ).__name__)
        return "from throw"


def outer():
    yield from It()


g = outer()
print(next(g))
print(g.throw(ValueError("x")))
print(next(g))
