class Loose:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("Loose.__eq__ called with", other)
        return other == self.v


LIMIT = Loose(3)


class NS:
    limit = LIMIT


match 3:
    case NS.limit:
        print("matched via __eq__")

match 4:
    case NS.limit:
        print("no")
    case _:
        print("4 does not match")
