def last_but(items, k):
    return items[len(items) + k]


print(last_but([1, 2, 3], -1))
print(last_but([1, 2, 3], 2))
