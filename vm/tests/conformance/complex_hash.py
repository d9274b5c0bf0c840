print(hash(1 + 0j) == hash(1), hash(0j) == hash(0), hash(2.5 + 0j) == hash(2.5))
print(hash(1 + 2j), hash(-1.5 - 2.25j), hash(1j), hash(complex(-1, 0)), hash(1e300j))
d = {1: "int", 2.0: "float"}
d[1 + 0j] = "complex"
d[2j] = "imag"
print(d, {1j, 1j, 2j} == {2j, 1j})
