print(bool(0j), bool(-0j), bool(1j), bool(complex(0, 0.0)), bool(complex(1e-300, 0)), not 0j)
if 2j:
    print("truthy")
print([z for z in [0j, 1, 0, 1j] if z])
