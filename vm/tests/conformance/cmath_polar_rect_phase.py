import cmath

print(cmath.polar(1 + 1j), cmath.polar(-1), cmath.polar(0j), cmath.phase(-1), cmath.phase(complex(-1, -0.0)), cmath.phase(1j))
print(cmath.rect(2, cmath.pi / 2), cmath.rect(1, 0), cmath.rect(-1, 0.5), cmath.rect(float("inf"), 1.0))
