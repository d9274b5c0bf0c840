import cmath

for expr in ["cmath.exp(1000)", "cmath.cosh(1000)", "cmath.sinh(complex(1000, 1))", "cmath.polar(complex(1e308, 1e308))"]:
    try:
        print(eval(expr))
    except OverflowError as e:
        print(expr, type(e).__name__, e)
