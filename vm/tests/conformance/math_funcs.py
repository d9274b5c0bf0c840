import math

print(math.sqrt(2), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7))
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.gcd(48, 18), math.lcm(4, 6), math.factorial(20), math.comb(10, 3), math.perm(5, 2))
print(math.isqrt(99), math.pow(2, 10), math.exp(1), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024))
print(math.sin(0), math.cos(math.pi), round(math.tan(math.pi / 4), 12), math.atan2(1, 1), math.hypot(3, 4))
print(math.fabs(-3), math.copysign(1, -0.0), math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1e308))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.degrees(math.pi), math.radians(180))
print(math.isclose(0.1 + 0.2, 0.3), math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4), math.fmod(-7, 3))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
