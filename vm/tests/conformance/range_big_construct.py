# Ranges whose bounds or step leave 64 bits: construction, attributes, repr, bool.
cases = [
    range(2**64),
    range(-2**70, 2**70, 3**40),
    range(2**63, 2**63 + 5),
    range(-2**63 - 1, 0),
    range(0, 10, 2**64),
    range(5, 0, -2**100),
    range(2**64, 0),
    range(True, 2**65, True),
]
for r in cases:
    print(repr(r), str(r), r.start, r.stop, r.step, bool(r))
    print(type(r.start).__name__, type(r.stop).__name__, type(r.step).__name__)

# A range whose numbers fit in 64 bits stays an ordinary range.
r = range(2**64 - 2**64, 2**63 - 1, 2**62)
print(r, r.stop, r.step, type(r).__name__)
print(type(range(2**64)).__name__, isinstance(range(2**64), range))

for args in [(1, 2**70, 0), (2**70, 1, 0), (1.5,), (2**64, "a"), (2**64, 1, 2.0), (), (1, 2, 3, 4)]:
    try:
        range(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
