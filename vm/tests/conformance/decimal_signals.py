from decimal import Decimal, DivisionByZero, InvalidOperation, localcontext

try:
    Decimal(1) / 0
except DivisionByZero as e:
    print(type(e).__name__, isinstance(e, ZeroDivisionError), isinstance(e, ArithmeticError))
try:
    Decimal("x")
except InvalidOperation as e:
    print(type(e).__name__)
with localcontext() as ctx:
    ctx.traps[DivisionByZero] = False
    print(Decimal(1) / 0, Decimal(-1) / 0)
