from collections.abc import Mapping


class Grid(Mapping):
    def __init__(self, n):
        self.n = n

    def __getitem__(self, key):
        if 0 <= key < self.n:
            return key * key
        raise KeyError(key)

    def __iter__(self):
        return iter(range(self.n))

    def __len__(self):
        return self.n


g = Grid(4)
print(len(g), g[3], 2 in g, 9 in g)
print(list(g.keys()), list(g.values()), list(g.items()))
print(g.get(10, 'none'), g == {0: 0, 1: 1, 2: 4, 3: 9})
