x = 2 ** 100
print(x.numerator, x.denominator, x.real, x.imag)
print(True.numerator, True.denominator, True.imag, (7).denominator, (-3).numerator)
