# `in`, index() and count() on ranges beyond 64 bits are arithmetic.
r = range(-2**70, 2**70, 3**40)
x = r[123]
print(x in r, x + 1 in r, r[-1] + 3**40 in r, -2**70 in r, 2**70 in r)
print(r.index(x), r.count(x), r.count(x + 1), r.index(r[-1]))
big = range(2**64)
print(2**64 - 1 in big, 2**64 in big, -1 in big, 0 in big, True in big, False in big)
print(big.index(2**64 - 1), big.index(2**63), big.count(2**63), big.count(2**64))
down = range(2**65, 2**64, -2**30)
print(2**65 in down, 2**65 - 2**32 in down, 2**64 in down, down.index(2**65 - 2**32))
# Ordinary ranges whose differences overflow 64-bit arithmetic.
wide = range(-2**63, 2**63 - 1)
print(2**63 - 2 in wide, 2**63 - 1 in wide, -2**63 in wide, -2**63 - 1 in wide, 2**64 in wide)
print(wide.index(2**63 - 2), wide.index(0), wide.count(5))
print(2**63 - 3 in range(2**63 - 1, -2**63, -2), range(2**63 - 1, -2**63, -2).index(-2**63 + 1))
# Non-int items are compared with == value by value.
print(5.0 in range(10), 5.5 in range(10), "a" in range(3), range(10).index(3.0), range(10).count(3.0))
print(2.0**64 in range(2**64 - 2, 2**64 + 2), range(2**64 - 2, 2**64 + 2).index(2.0**64))
for f in [lambda: r.index(x + 1), lambda: big.index(-1), lambda: range(5).index(7.0),
          lambda: range(5).index("a"), lambda: range(5).index(), lambda: range(5).count(1, 2),
          lambda: range.index(5, 3)]:
    try:
        print(f())
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
