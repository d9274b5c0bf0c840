for f in [int, float, round]:
    try:
        f(1 + 2j)
    except TypeError as e:
        print(f.__name__, e)
for expr in ["1j & 1", "~1j", "1j << 1", "'ab' * 2j"]:
    try:
        eval(expr)
    except TypeError as e:
        print(expr, "->", e)
