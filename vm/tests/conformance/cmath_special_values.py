import cmath

inf, nan = float("inf"), float("nan")
for f in [cmath.sqrt, cmath.exp, cmath.log, cmath.tanh, cmath.atan]:
    print(f.__name__, [f(complex(x, y)) for x, y in [(inf, 0), (-inf, 1), (0, inf), (nan, 0), (inf, nan), (-inf, -inf)]])
