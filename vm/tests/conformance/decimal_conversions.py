from decimal import Decimal

d = Decimal("-3.75")
print(float(d), int(d), round(d), round(d, 1), round(Decimal("2.675"), 2), f"{Decimal('1234.5678'):,.2f}", format(Decimal("0.000012"), "e"))
print(Decimal(5).to_integral_value(), d.to_integral_value(), d.copy_abs(), d.as_integer_ratio())
