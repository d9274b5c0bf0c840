from collections import namedtuple
P = namedtuple('P', 'x y')
p = P(1, y=2)
print(p, p.x, p.y, p[1], isinstance(p, tuple), p._asdict(), p._replace(x=3), P._make([5, 6]))
print(p == (1, 2), hash(p) == hash((1, 2)), len(p), tuple(p), P.__name__, P._fields, type(p).__module__)
a, b = p
print(a, b, p + (3,), P.__mro__)
Q = namedtuple('Q', ['a', 'b', 'c'], defaults=[0])
print(Q(1, 2), Q._field_defaults, namedtuple('R', 'x, def', rename=True)._fields)
try:
    P(1)
except TypeError as e:
    print(e)
try:
    P(1, 2, 3)
except TypeError as e:
    print(e)
try:
    namedtuple('S', 'x _y')
except ValueError as e:
    print(e)
match p:
    case P(x, y):
        print('matched', x, y)
import copy, pickle
print(copy.copy(p), copy.deepcopy(p))
