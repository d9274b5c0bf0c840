import math

for x in [-2.0, -0.5, 0.0, 0.5, 1.0, 3.0, float("inf")]:
    print(x, round(math.erf(x), 12), round(math.erfc(x), 12))
