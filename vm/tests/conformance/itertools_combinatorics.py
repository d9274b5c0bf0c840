from itertools import product, permutations, combinations, combinations_with_replacement

print(list(product("ab", [1, 2])))
print(list(product([0, 1], repeat=3)))
print(list(product()))
print(list(permutations("abc")))
print(list(permutations(range(4), 2)))
print(list(combinations("abcd", 2)))
print(list(combinations(range(3), 0)), list(combinations(range(2), 3)))
print(list(combinations_with_replacement("ab", 2)))
print(len(list(permutations(range(6)))))
