z = 3j
w = 2.5e3J
print(z, w, 1e100j, 0j, type(z).__name__)
print(1 + 2j, 1 - 2j, -1j, 0.5j * 2)
