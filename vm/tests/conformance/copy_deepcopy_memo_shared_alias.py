# A __deepcopy__ hook gets the deepcopy's own memo: children it copies
# through the memo keep their aliasing with the rest of the copy.
import copy


class Box:
    def __init__(self, label, item, report=False):
        self.label = label
        self.item = item
        self.report = report

    def __deepcopy__(self, memo):
        if self.report:
            # Copied before this hook runs: the memo already maps it.
            print(self.label, "sees the item's copy:", memo.get(id(self.item)) == self.item)
        return Box(self.label + "'", copy.deepcopy(self.item, memo))


shared = [1, 2, 3]

# The shared list is reached by the hooks first, then directly.
a = Box("a", shared)
b = Box("b", shared)
c = copy.deepcopy([a, b, shared])
print(c[0].label, c[1].label, c[2] == shared, c[2] is shared)
print(c[0].item is c[1].item, c[1].item is c[2])

# The shared list is reached directly first, then by the hooks.
d = copy.deepcopy({"first": shared, "boxes": (Box("x", shared, True), Box("y", shared, True))})
print(d["first"] is d["boxes"][0].item is d["boxes"][1].item, d["first"] is shared)

# The same hooked object reached twice is copied once.
box = Box("twice", {"k": shared})
e = copy.deepcopy([box, box, shared])
print(e[0] is e[1], e[0].item["k"] is e[2], e[0] is box)

# A hook returning its own object keeps it shared.
class Singleton:
    def __deepcopy__(self, memo):
        return self


s = Singleton()
f = copy.deepcopy([s, [s]])
print(f[0] is s, f[1][0] is s)

# A hooked object used as a dict key.
class Key:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return hash(self.n)

    def __eq__(self, other):
        return isinstance(other, Key) and other.n == self.n

    def __deepcopy__(self, memo):
        return Key(self.n)


k = Key(4)
g = copy.deepcopy({k: "four", "keys": [k]})
print(g[Key(4)], [x.n for x in g["keys"]], g["keys"][0] is k)
found = [x for x in g if isinstance(x, Key)]
print(found[0] is g["keys"][0])


# Hooks run in the order deepcopy reaches their objects.
class Loud:
    def __init__(self, n):
        self.n = n

    def __deepcopy__(self, memo):
        print("copy", self.n)
        return Loud(self.n)


copy.deepcopy([Loud(1), (Loud(2), [Loud(3)]), {"a": Loud(4), "b": Loud(5)}, Loud(6)])
