for a, b in [(1j, 0), (1j, 0.0), (1, 0j), (1j, 0j)]:
    try:
        a / b
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
