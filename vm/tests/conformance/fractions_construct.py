from fractions import Fraction

print(Fraction(6, -4), Fraction("3.1415"), Fraction("-1e-3"), Fraction(0.1), Fraction(" 7/2 "), Fraction(Fraction(1, 2), Fraction(3, 4)))
print(Fraction(0.1).limit_denominator(100), Fraction(3.14159).limit_denominator(10), Fraction.from_float(0.25), Fraction.from_decimal(__import__("decimal").Decimal("1.25")))
for bad in ["1/0", "x"]:
    try:
        Fraction(bad)
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
