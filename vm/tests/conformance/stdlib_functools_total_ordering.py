import functools


@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return self.v < o.v


a, b = V(1), V(2)
print(a < b, a <= b, a > b, a >= b, b >= a, a <= V(1), a >= V(1))
print(V.__ge__.__name__, sorted([V(3), V(1), V(2)])[0].v)
try:
    a >= 3
except TypeError as e:
    print(e)


@functools.total_ordering
class G:
    def __init__(self, v):
        self.v = v

    def __ge__(self, o):
        return self.v >= o.v


print(G(1) < G(2), G(2) <= G(2), G(3) > G(2))
try:
    functools.total_ordering(type("E", (), {}))
except ValueError as e:
    print(e)
