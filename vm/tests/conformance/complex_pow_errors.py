for base, exp in [(0j, -1), (0j, 1j), (0j, -1.5), (1e200 + 1e200j, 2), (10 + 10j, 1000.5)]:
    try:
        print(base ** exp)
    except (ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    pow(1j, 2, 3)
except ValueError as e:
    print(type(e).__name__, e)
