# Sizes computed from program values: MemoryError or OverflowError as CPython
# raises them, never an abort.
cases = [
    ("shift", lambda: 1 << (1 << 62)),
    ("center", lambda: "x".center(10**12)),
    ("ljust", lambda: "x".ljust(10**12)),
    ("rjust", lambda: "x".rjust(10**12, "-")),
    ("zfill", lambda: "1".zfill(10**12)),
    ("expandtabs", lambda: "\t".expandtabs(10**12)),
    ("ljust ssize", lambda: "x".ljust(2**63)),
    ("list repeat", lambda: [0] * 10**12),
    ("list repeat 62", lambda: [1, 2] * 2**62),
    ("tuple repeat", lambda: (1, 2) * 2**62),
    ("str repeat", lambda: "ab" * 2**62),
    ("str repeat index", lambda: "ab" * 2**63),
    ("str repeat big", lambda: "ab" * 10**12),
    ("bytes repeat", lambda: b"ab" * 2**62),
    ("bytes repeat big", lambda: b"ab" * 10**12),
    ("bytearray repeat", lambda: bytearray(b"ab") * 10**12),
    ("list of range", lambda: list(range(10**12))),
    ("tuple of range", lambda: tuple(range(10**12))),
    ("bytes", lambda: bytes(10**12)),
    ("format width", lambda: format(1, "10000000000000d")),
    ("negative index", lambda: [1] * -(10**30)),
]
for label, f in cases:
    try:
        f()
        print(label, "ok")
    except (MemoryError, OverflowError) as e:
        print(label, type(e).__name__, e)
print("neg repeat", repr("ab" * -2**63), [1] * -(2**63))
print("small powers", 1 ** (10**12), 0 ** (10**12), (-1) ** (10**12 + 1))
