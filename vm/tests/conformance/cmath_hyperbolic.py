import cmath

for f in [cmath.sinh, cmath.cosh, cmath.tanh, cmath.asinh, cmath.acosh, cmath.atanh]:
    print(f.__name__, f(0.5 + 0.25j), f(-2 + 3j), f(3))
