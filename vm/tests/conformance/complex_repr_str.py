for z in [1 + 2j, 1j, -1j, 0j, -0j, complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0),
          complex(1, 0), 1.5 - 2.25j, 1e100j, 1e-5 + 1e16j, complex(123456789012345678, 1)]:
    print(repr(z), str(z))
