def combine(a, b):
    return a + b


print(combine(1, 2))
print(combine("x", 3))
