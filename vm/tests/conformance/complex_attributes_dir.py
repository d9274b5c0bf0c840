print(type((1j).conjugate).__name__, "conjugate" in dir(complex))
print((1 + 2j).__getnewargs__(), (1j).__complex__(), complex.conjugate(3 - 1j), (1j).__format__(".1f"))
try:
    (1j).foo
except AttributeError as e:
    print(e)
