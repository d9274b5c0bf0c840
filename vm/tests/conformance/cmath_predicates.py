import cmath

inf, nan = float("inf"), float("nan")
for z in [1j, complex(inf, 0), complex(0, nan), complex(inf, nan), 5]:
    print(z, cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z))
