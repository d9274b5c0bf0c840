from fractions import Fraction

a, b = Fraction(3, 4), Fraction("1/3")
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, a ** -2, -a, abs(-a), divmod(a, b))
print(a + 1, 1 + a, a + 0.5, a * 1j, 2 ** Fraction(1, 2))
