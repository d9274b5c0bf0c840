z = 3 - 4j
print(-z, +z, abs(z), abs(-0j), abs(complex(float("inf"), float("nan"))), abs(1e300 + 1e300j))
try:
    abs(complex(1e308, 1e308))
except OverflowError as e:
    print(type(e).__name__, e)
