from decimal import Decimal

print(Decimal("1.0") == 1, Decimal("0.5") == 0.5, Decimal("0.1") == 0.1, Decimal(1) < 2, sorted([Decimal("3"), Decimal("1.5"), 2]))
print(hash(Decimal("0.5")) == hash(0.5), hash(Decimal(7)) == hash(7), max(Decimal(1), Decimal(2)))
