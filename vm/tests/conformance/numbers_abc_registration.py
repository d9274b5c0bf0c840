import numbers
from fractions import Fraction
from decimal import Decimal

for v in [1, True, 2.5, 1j, Fraction(1, 3), Decimal("1.5"), "s"]:
    print(type(v).__name__, [isinstance(v, t) for t in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral)])
