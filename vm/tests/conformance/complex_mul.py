a = 1 + 2j
print(a * 2, 2 * a, a * 0.5, a * a, a * -1j, (3 - 4j) * (3 + 4j))
print(complex(float("inf"), 0) * 2)
