class C(complex):
    def __repr__(self):
        return "C" + super().__repr__()

    def double(self):
        return self * 2


c = C(1, 2)
print(c, c.real, c.imag, c.double(), type(c + 1).__name__, isinstance(c, complex))
print(complex(c), type(complex(c)).__name__, c == 1 + 2j, hash(c) == hash(1 + 2j), abs(C(3, 4)))
print(C("5-1j"), -c, c.conjugate())
