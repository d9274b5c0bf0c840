from decimal import Decimal

a, b = Decimal("1.1"), Decimal("2.2")
print(a + b, a * b, b / a, b - a, a ** 2, -a, abs(-a), Decimal(7) % 3, Decimal(-7) // 2, divmod(Decimal(7), 2))
print(Decimal(1) / Decimal(7), Decimal(2).sqrt(), Decimal(10).ln(), Decimal("1.50") + 1)
