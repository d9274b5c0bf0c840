import cmath

print(cmath.sqrt(-1), cmath.sqrt(4), cmath.sqrt(1j), cmath.sqrt(-2 - 0j), cmath.sqrt(complex(-2, -0.0)))
print(cmath.exp(1), cmath.exp(1j * cmath.pi), cmath.exp(-1 + 2j))
print(cmath.log(-1), cmath.log(1j), cmath.log(8, 2), cmath.log(1j, 1 + 1j), cmath.log10(100j))
