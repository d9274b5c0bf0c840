a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a <= {1, 2, 3, 4, 5}, {1} < a, a > {1, 2}, a.isdisjoint({9}), a.issubset(range(10)))
s = set()
s.add(3)
s.add(1)
s.add(3)
s.update([5, 6], {7})
print(sorted(s), len(s), 3 in s)
s.discard(100)
s.remove(5)
print(sorted(s))
try:
    s.remove(100)
except KeyError as e:
    print("KeyError:", e)
print(sorted(a.union([9], [10])), sorted(a.intersection(b, {4})), sorted(a.difference(b)))
c = set(a)
c &= {2, 3, 9}
c |= {0}
c -= {3}
print(sorted(c), {1, 2} == {2, 1}, set() == set(), {x % 4 for x in range(10)})
print({1, 2, 3}, set([3, 3, 1]))
