from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=9))
x, y = p
print(x + y, len(p), p == (1, 2), Point._fields)
Person = namedtuple("Person", "name age", defaults=[0])
print(Person("ann"), Person._make(["bob", 3]))
