from decimal import Decimal, getcontext, localcontext, ROUND_HALF_UP, ROUND_DOWN

getcontext().prec = 6
print(Decimal(1) / Decimal(7), Decimal(2).sqrt())
with localcontext() as ctx:
    ctx.prec = 3
    ctx.rounding = ROUND_HALF_UP
    print(Decimal("2.345") + 0, Decimal(1) / 3)
print(Decimal("2.345").quantize(Decimal("0.01")), Decimal("2.345").quantize(Decimal("0.01"), rounding=ROUND_DOWN), getcontext().prec)
