from fractions import Fraction

a = Fraction(7, 2)
print(float(a), int(a), round(a), round(Fraction(5, 2)), round(a, 1), repr(a), str(a), a.numerator, a.denominator)
print(a.as_integer_ratio(), math_floor := __import__("math").floor(a), __import__("math").ceil(-a), format(float(a), ".3f"))
