import cmath

class Num:
    def __complex__(self):
        return 1j


class Flt:
    def __float__(self):
        return 4.0


print(cmath.sqrt(Num()), cmath.sqrt(Flt()), cmath.sqrt(True), cmath.exp(2 ** 10))
try:
    cmath.sqrt("x")
except TypeError as e:
    print(e)
try:
    cmath.sqrt(1, 2)
except TypeError as e:
    print(e)
