print(sum([1j, 2, 3.5]), sum([1 + 1j, 2 - 1j]), sum([], 0j), sum((1j for _ in range(4)), 1))
print(isinstance(1j, complex), isinstance(1, complex), issubclass(complex, object), type(1j) is complex)
print(complex.__name__, complex.__mro__ if False else "", callable(complex))
