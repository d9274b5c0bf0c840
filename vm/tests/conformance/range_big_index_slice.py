# Indexing and slicing ranges beyond 64 bits (a slice is again a range).
r = range(-2**70, 2**70, 3**40)
print(r[0], r[1], r[-1], r[-195], r[194])
big = range(2**64)
print(big[0], big[-1], big[2**63], big[-2**63], big[True])
print(range(-2**63, 2**63 - 1)[-1], range(-2**63, 2**63 - 1)[2**64 - 2])
print(range(10)[-10], range(2**64, 2**64 + 3)[1])

for rng, key in [(r, 195), (r, -196), (big, 2**64), (big, -2**64 - 1), (range(10), 2**70), (range(10), -2**70)]:
    try:
        rng[key]
    except IndexError as e:
        print("IndexError:", e)
for key in ["a", 1.0, None]:
    try:
        big[key]
    except TypeError as e:
        print("TypeError:", e)

print(r[1:5], r[::-1], r[::-1][0] == r[-1], r[10:2], r[::50], len(r[::50]))
print(big[2**63:2**63 + 3], big[::2**62], big[-3:], big[::-1], big[5:2**70], big[-2**70:3])
print(range(10)[2**70:], range(10)[-2**70:2], range(10)[::-2**70], range(10)[::2**70])
print(range(-2**63, 2**63 - 1)[::-1], range(-2**63, 2**63 - 1)[::2**63])
print(range(0, 2**63 - 1, 2**62)[1:], range(2**63 - 1, -2**63, -1)[1::2])
print(range(10)[1:7:2], range(10, 0, -3)[::-1], range(0)[::-1])
for key in [slice(None, None, 0), slice(1.0, None), slice(None, "a"), slice(None, None, 2.0)]:
    try:
        big[key]
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
