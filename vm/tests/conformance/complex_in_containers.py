zs = [3j, 1 + 1j, -1, 2.5]
print(sorted(zs, key=abs), max(zs, key=lambda z: z.imag), [z.real for z in zs if isinstance(z, complex)])
print(list(map(complex, ["1j", "2"])), dict.fromkeys([1j, 2j]), (1j, 2j).index(2j), [1j].count(1j))
