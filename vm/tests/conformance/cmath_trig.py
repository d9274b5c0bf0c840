import cmath

for f in [cmath.sin, cmath.cos, cmath.tan, cmath.asin, cmath.acos, cmath.atan]:
    print(f.__name__, f(0.5 + 0.25j), f(-2 + 3j), f(1e-10))
