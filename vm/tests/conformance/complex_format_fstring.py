z = 2 + 3j
inf = float("inf")
print(f"{z}", f"{z:.3f}", f"{z!r:>12}", f"{-z:+.1e}", f"{complex(-0.0, inf):8}", f"{complex(1, float('nan')):.2F}")
print("{:.2f}".format(1j), "%s %r" % (z, z))
