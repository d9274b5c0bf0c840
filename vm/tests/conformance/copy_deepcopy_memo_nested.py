# Nested copy.deepcopy(o, memo) calls inside __deepcopy__ hooks share one
# memo with the outer deepcopy and with each other.
import copy

calls = []


class Tree:
    def __init__(self, name, children=(), data=None):
        self.name = name
        self.children = list(children)
        self.data = data

    def __deepcopy__(self, memo):
        calls.append(self.name)
        t = Tree(self.name)
        memo[id(self)] = t
        t.children = [copy.deepcopy(ch, memo) for ch in self.children]
        t.data = copy.deepcopy(self.data, memo)
        return t


shared = {"count": [0]}
leaf = Tree("leaf", data=shared)
left = Tree("left", [leaf], data=shared["count"])
right = Tree("right", [leaf], data=shared)
root = Tree("root", [left, right], data=[shared, leaf])
t = copy.deepcopy(root)
print(calls)
print(t.children[0].children[0] is t.children[1].children[0] is t.data[1])
print(t.children[1].data is t.data[0] is t.children[0].children[0].data)
print(t.children[0].data is t.data[0]["count"], t.data[0] is shared)

# Hooks reached from a plain container, and a memo shared across calls.
calls.clear()
memo = {}
pair = copy.deepcopy([leaf, right], memo)
again = copy.deepcopy(right, memo)
print(calls, again is pair[1], pair[1].children[0] is pair[0])
print(memo[id(leaf)] is pair[0], memo[id(shared)] is pair[0].data)


# A hook that copies a child with a replacement it put in the memo first.
class Holder:
    def __init__(self, table, other):
        self.table = table
        self.other = other

    def __deepcopy__(self, memo):
        memo[id(self.table)] = self.table
        return Holder(self.table, copy.deepcopy(self.other, memo))


table = {"big": list(range(3))}
h = Holder(table, [table])
out = copy.deepcopy([h, table])
print(out[0].table is table, out[0].other[0] is table, out[1] is table)


# A hook raising: the error comes out of deepcopy.
class Broken:
    def __deepcopy__(self, memo):
        raise ValueError("no copies")


try:
    copy.deepcopy({"a": [1], "b": Broken()})
except ValueError as e:
    print("ValueError", e)
