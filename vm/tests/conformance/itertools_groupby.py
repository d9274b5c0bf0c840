from itertools import groupby

print([(k, list(g)) for k, g in groupby("aaabbcaa")])
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
for letter, group in groupby(words, key=lambda w: w[0]):
    print(letter, list(group))
nums = [1, 3, 5, 2, 4, 7]
print([(k, len(list(g))) for k, g in groupby(nums, key=lambda n: n % 2)])
groups = groupby([1, 1, 2])
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
