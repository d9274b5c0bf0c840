# Iterating ranges whose values or length leave 64 bits, forwards and reversed.
print(list(range(2**64, 2**64 + 3)))
print(list(range(2**64 + 3, 2**64, -1)))
print(list(range(-2**70, 2**70, 2**69)))
print(list(range(0, 2**63 - 1, 2**62)), list(range(0, 2**63, 2**62)))
print(list(range(2**63 - 3, 2**63 + 2)))
print(list(range(-2**63 + 2, -2**63 - 3, -1)))
print(list(range(2**63 - 1, -2**63, -2**63 + 1)))
for x in range(2**63 - 2, 2**63 + 2):
    print(x, type(x).__name__)
print(list(reversed(range(2**64, 2**64 + 3))), list(reversed(range(-2**70, 2**70, 2**69))))
print(list(reversed(range(-2**63, -2**63 + 3))), list(reversed(range(2**63 - 3, 2**63 - 1))))
print(list(reversed(range(0, 10, -2**63))), list(reversed(range(10, -10, -2**63))))
print(list(reversed(range(2**64, 2**64))), list(reversed(range(5, 0, 2**64))))
print(sum(range(2**64, 2**64 + 1000)), max(range(2**64, 2**64 + 3)), min(range(2**64, 2**64 + 3)))
print(sorted(range(2**64 + 3, 2**64, -1)), tuple(range(2**100, 2**100 + 2)))
print([x - 2**64 for x in range(2**64, 2**64 + 40, 7)])
it = iter(range(2**64, 2**64 + 3))
print(it, next(it), list(it), list(it))
it = iter(range(0, 2**63 - 1, 2**62))
print(it, list(it))
it = reversed(range(2**64, 2**64 + 3))
print(it, next(it), list(it))
print(iter(range(10)), reversed(range(10)), iter(range(-2**63, 2**63 - 1)))
print(reversed(range(-2**63, 0)), reversed(range(0, 10, -2**63)))
big = iter(range(2**64))
print(next(big), next(big), next(big))
print(list(zip(range(2**64 - 2, 2**64 + 2), "abcd")))
print(list(enumerate(range(2**63 - 1, 2**63 + 1))))


def gen():
    yield from range(2**64 - 1, 2**64 + 2)


print(list(gen()))
