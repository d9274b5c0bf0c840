# A StopIteration raised by the delegate's send() ends the yield from with its value.
class Doubler:
    def __iter__(self):
        return self

    def __next__(self):
        return 0

    def send(self, v):
        raise StopIteration(v * 2)


def d():
    r = yield from Doubler()
    print("yield from gave", r)
    yield "after"


g = d()
print(next(g))
print(g.send(21))
