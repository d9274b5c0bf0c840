# sum() over lists and tuples of small ints, and everything that is not.
print(sum([1, 2, 3]), sum((4, 5)), sum([]), sum(()), sum([], 7), sum([1, 2], 10))
print(sum([2**62, 2**62]), sum([-2**63, -1]), sum([2**64, 1]), sum([1], 2**70))
print(sum([True, True, 2]), sum([1, 2.5]), sum([0.1] * 10), sum([1, -1.0]))
print(sum([[1], [2]], []), sum(((1,), (2,)), ()), sum(x * x for x in range(5)))
print(sum(range(10)), sum({1: "a", 2: "b"}), sum({3, 4}), sum([1, 2], start=5))
for bad in ([1, "a"], ["a", "b"]):
    try:
        sum(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    sum(["a"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    sum(5)
except TypeError as e:
    print("TypeError:", e)
