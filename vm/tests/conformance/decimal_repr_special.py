from decimal import Decimal

for s in ["-0", "NaN", "inf", "-Infinity", "1.50", "1.23E+5", "0.000001", "1e-7", "123456789012345678901234567890"]:
    d = Decimal(s)
    print(repr(d), str(d), d.is_nan(), d.is_infinite())
print(Decimal(0.1), Decimal("1.50").normalize(), Decimal(3).as_tuple())
