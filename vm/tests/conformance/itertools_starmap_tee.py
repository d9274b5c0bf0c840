from itertools import starmap, tee, pairwise

print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(starmap(lambda a, b: a + b, zip("abc", "xyz"))))
a, b = tee(iter([1, 2, 3]))
print(list(a), list(b))
print(list(pairwise("abcd")))
