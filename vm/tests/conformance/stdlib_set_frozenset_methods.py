# frozenset's non-mutating methods and set.symmetric_difference_update.
f = frozenset([1, 2, 3])
print(f.union([4]), f.intersection({2, 3, 9}), f.difference([1]), f.symmetric_difference([3, 4]))
print(f.issubset(range(5)), f.issuperset([1]), f.isdisjoint([7]), f.copy() is f)
s = {1, 2, 3}
s.symmetric_difference_update([3, 4, 5])
print(sorted(s))
print(type(f.union(s)).__name__, type(s.union(f)).__name__)
