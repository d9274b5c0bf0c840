# Ranges compare and hash by the values they produce, whatever their bounds.
pairs = [
    (range(0), range(5, 5)),
    (range(0), range(2**64, 2**64)),
    (range(2**64, 0), range(10, 3, 2**70)),
    (range(2**64, 2**64 + 1), range(2**64, 2**64 + 2, 7)),
    (range(2**64), range(0, 2**64, 1)),
    (range(2**64), range(0, 2**64 + 1)),
    (range(-2**70, 2**70, 3**40), range(-2**70, 2**70 - 1, 3**40)),
    (range(-2**63, 2**63 - 1), range(-2**63, 2**63 - 1, 1)),
    (range(-2**63, 2**63 - 1)[::-1], range(2**63 - 2, -2**63 - 1, -1)),
    (range(3), range(0, 3, 1)),
    (range(0, 10, 2), range(0, 9, 2)),
    (range(5, 6), range(5, 7, 3)),
    (range(2**63 - 1, 2**63), range(2**63 - 1, 2**64, 2**63)),
]
for a, b in pairs:
    print(a, b, a == b, a != b, hash(a) == hash(b))
print(range(2**64) == range(2**65), range(2**64) == list(range(3)), range(2**64) == 2**64)
print(len({range(0), range(2**64, 2**64), range(7, 1), range(2**64), range(0, 2**64)}))
d = {range(2**64, 2**64 + 1): "one"}
print(d[range(2**64, 2**64 + 5, 9)])
print(hash(range(2**64)) == hash((2**64, 0, 1)), hash(range(2**64, 2**65, 3)) == hash((6148914691236517206, 2**64, 3)))
try:
    range(2**64) < range(3)
except TypeError as e:
    print("TypeError:", e)
