import cmath

print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 1.1j), cmath.isclose(1j, 1.1j, rel_tol=0.2))
print(cmath.isclose(0j, 1e-10j, abs_tol=1e-9), cmath.isclose(complex(float("inf"), 0), complex(float("inf"), 0)))
try:
    cmath.isclose(1, 1, rel_tol=-1)
except ValueError as e:
    print(e)
