from collections.abc import MutableSequence


class Stack(MutableSequence):
    def __init__(self):
        self.items = []

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __len__(self):
        return len(self.items)

    def insert(self, i, v):
        self.items.insert(i, v)


s = Stack()
s.append(1)
s.extend([2, 3])
s += [4]
print(s.items, s.pop(), s.index(2), s.count(1))
s.reverse()
print(list(s), 3 in s, list(reversed(s)))
