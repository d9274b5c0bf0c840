class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts

    def __le__(self, other):
        return self.parts <= other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


a, b, c = Version(1, 2), Version(1, 10), Version(1, 2)
print(a == c, a != b, a < b, a <= c, b > a, b >= a)
print(a == "1.2", a != "1.2")
print(sorted([b, a, Version(0, 9)]))
print(max(a, b))
try:
    a < 3
except TypeError as e:
    print("TypeError:", e)
