# list(), tuple(), sorted(), bytes() ... ask a range for its length first:
# one longer than sys.maxsize raises OverflowError instead of being built.


def star(*a):
    return len(a)


attempts = [
    lambda: list(range(2**64)),
    lambda: tuple(range(-2**63, 2**63 - 1)),
    lambda: sorted(range(2**64)),
    lambda: [*range(2**64)],
    lambda: (*range(2**64),),
    lambda: star(*range(2**64)),
    lambda: [].extend(range(2**64)),
    lambda: bytes(range(2**64)),
    lambda: bytearray().extend(range(2**64)),
    lambda: b"".join(range(2**64)),
    lambda: "".join(range(2**64)),
    lambda: list(iter(range(2**64))),
    lambda: list(reversed(range(-2**63, 2**63 - 1))),
    lambda: bytearray(range(2**64)),
    lambda: list(range(2**64, 2**64 + 2)),
    lambda: tuple(range(0, 2**63 - 1, 2**62)),
    lambda: sorted(range(2**65, 2**64, -2**63)),
]
for attempt in attempts:
    try:
        print(attempt())
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
