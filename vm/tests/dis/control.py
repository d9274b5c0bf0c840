import math
from collections import deque as dq


class Box:
    size = 3

    def __init__(self, items):
        self.items = dq(items)

    def area(self):
        return self.size ** 2


def risky(values):
    try:
        first = values[0]
    except (IndexError, KeyError) as e:
        print("none", e)
        raise ValueError("empty") from e
    finally:
        print("checked")
    with open("f.txt") as fh:
        fh.read()
    assert first, "falsy"
    return f"{first!r:>10} at {math.pi:.2f}"
