from fractions import Fraction

a = Fraction(1, 2)
print(a == 0.5, a < 1, a > Fraction(1, 3), a == 1 - a, sorted([Fraction(2, 3), Fraction(1, 2), 0.6]))
print(hash(a) == hash(0.5), hash(Fraction(2)) == hash(2), hash(Fraction(1, 3)), {a: 1}[0.5])
