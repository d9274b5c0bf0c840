# A namedtuple's fields are read-only descriptors whose __doc__ can be
# rewritten (dis does this for its Instruction fields).
from collections import namedtuple

P = namedtuple("P", "x y")
print(P.x.__doc__, P.y.__doc__)
p = P(1, 2)
try:
    p.x = 3
except AttributeError as e:
    print(e)
try:
    del p.x
except AttributeError as e:
    print(e)
P.x.__doc__ = "the x coordinate"
print(P.x.__doc__, P(5, 6).x, type(P.x).__name__)
print(p.x + p.y, p)
