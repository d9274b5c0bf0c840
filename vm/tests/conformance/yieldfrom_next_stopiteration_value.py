# A StopIteration(value) from the delegate's __next__ is the yield from's value.
class Once:
    def __init__(self):
        self.done = False

    def __iter__(self):
        return self

    def __next__(self):
        if self.done:
            raise StopIteration("result")
        self.done = True
        return "item"


def d():
    r = yield from Once()
    print("got", r)


for x in d():
    print(x)
