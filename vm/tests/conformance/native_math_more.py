# math: hyperbolic functions, cbrt, exp2, expm1, log1p, nextafter, ulp, remainder, and their errors
import math

print(math.sinh(1.5), math.cosh(-2), math.tanh(0.5), math.asinh(3), math.acosh(2), math.atanh(0.5))
print(math.cbrt(-8.5), math.cbrt(0.001), math.exp2(10), math.exp2(0.5), math.expm1(1e-10), math.log1p(1e-10))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, -1.0), math.nextafter(3, 3))
print(math.ulp(1.0), math.ulp(0.0), math.ulp(-1e300), math.ulp(1.7976931348623157e308), math.ulp(float("inf")))
print(math.remainder(5, 2), math.remainder(7, 2), math.remainder(-7, 2), math.remainder(10, 3), math.remainder(3, float("inf")))
print(math.isnan(math.remainder(float("nan"), 1)), math.tanh(float("inf")), math.sinh(float("-inf")))
for f, args in [(math.acosh, (0.5,)), (math.atanh, (1,)), (math.log1p, (-1,)), (math.sinh, (1000,)),
                (math.exp2, (2000,)), (math.expm1, (1000,)), (math.remainder, (float("inf"), 2)),
                (math.remainder, (1, 0)), (math.sinh, ("x",)), (math.sinh, ()), (math.nextafter, (1,)),
                (math.cosh, (10**400,))]:
    try:
        print(f(*args))
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__ + ":", e)
