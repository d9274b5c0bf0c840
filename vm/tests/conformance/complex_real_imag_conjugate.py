z = 1.5 - 2j
print(z.real, z.imag, z.conjugate(), type(z.real).__name__, (3j).real, (3j).imag)
print((5).real, (5).imag, (2.5).imag, (5).conjugate())
try:
    z.real = 3
except AttributeError as e:
    print(type(e).__name__)
