import cmath

for expr in ["cmath.log(0)", "cmath.log(1, 1)", "cmath.atanh(1)", "cmath.acos(complex(1, float('inf'))).real", "cmath.rect(1, float('inf'))"]:
    try:
        print(eval(expr))
    except ValueError as e:
        print(expr, type(e).__name__, e)
