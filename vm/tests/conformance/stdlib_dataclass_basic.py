from dataclasses import dataclass, field, asdict, replace


@dataclass
class Card:
    rank: int
    suit: str = "H"
    tags: list = field(default_factory=list)


@dataclass(frozen=True, order=True)
class Point:
    x: int
    y: int


c = Card(10)
print(c, c == Card(10), asdict(c))
print(replace(c, suit="S"))
p, q = Point(1, 2), Point(1, 3)
print(p < q, sorted([q, p]), hash(p) == hash(Point(1, 2)))
try:
    p.x = 5
except Exception as e:
    print(type(e).__name__, e)
