a = 1 + 2j
print(a + 1, 1 + a, a + 0.5, 0.5 + a, a + a, a - 1, 1 - a, a - 0.5j, True + a)
x = a
x += 2
x -= 1j
print(x, a)
