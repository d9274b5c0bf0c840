print(complex(), complex(1), complex(2.5), complex(1, 2), complex(1.5, -0.5))
print(complex(1j, 1j), complex(1+2j, 3), complex(True, False), complex(2**60, 1))
print(complex(real=3, imag=4), complex(imag=2))
