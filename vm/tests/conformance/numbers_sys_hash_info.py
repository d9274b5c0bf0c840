import sys

h = sys.hash_info
print(h.width, h.modulus, h.inf, h.nan, h.imag, h.modulus == 2 ** 61 - 1)
print(hash(float("inf")) == h.inf, hash(1j) == h.imag)
