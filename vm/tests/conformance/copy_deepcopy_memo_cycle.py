# A __deepcopy__ hook that records its copy in memo[id(self)] before
# copying its children lets cyclic structures copy.
import copy


class Node:
    def __init__(self, name):
        self.name = name
        self.next = None
        self.items = []

    def __deepcopy__(self, memo):
        result = Node(self.name + "'")
        memo[id(self)] = result
        result.next = copy.deepcopy(self.next, memo)
        result.items = copy.deepcopy(self.items, memo)
        return result


# A ring of three nodes.
a, b, c = Node("a"), Node("b"), Node("c")
a.next, b.next, c.next = b, c, a
r = copy.deepcopy(a)
print(r.name, r.next.name, r.next.next.name, r.next.next.next is r)
print(r is a, r.next is b)

# A cycle through a plain list: the node holds the list that holds it.
n = Node("n")
n.items = [n, "x"]
m = copy.deepcopy(n)
print(m.name, m.items[0] is m, m.items is not n.items, m.items[1])

# The same cycle copied from the list's side.
lst = [Node("p")]
lst[0].items = lst
out = copy.deepcopy(lst)
print(out[0].name, out[0].items is out, out is not lst)

# A dict holding two nodes that point at each other.
x, y = Node("x"), Node("y")
x.next, y.next = y, x
dd = copy.deepcopy({"x": x, "y": y, "pair": (x, y)})
print(dd["x"].next is dd["y"], dd["y"].next is dd["x"], dd["pair"][0] is dd["x"])
print(dd["pair"][1] is dd["y"], dd["x"] is x)


# A self-referencing node copied twice with the same memo.
memo = {}
s = Node("s")
s.next = s
one = copy.deepcopy(s, memo)
two = copy.deepcopy(s, memo)
print(one is two, one.next is one)
