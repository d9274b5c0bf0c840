class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __contains__(self, v):
        print("contains", v)
        return v in self.items

    def __iter__(self):
        return BagIter(self.items)


class BagIter:
    def __init__(self, items):
        self.items, self.i = items, 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= len(self.items):
            raise StopIteration
        self.i += 1
        return self.items[self.i - 1]


b = Bag("a", "b", "c")
b[1] = "B"
print(len(b), b[0], b[-1], b[0:2])
print("B" in b, "z" not in b)
print(list(b), [x.upper() for x in b])
print(bool(Bag()), bool(b))
