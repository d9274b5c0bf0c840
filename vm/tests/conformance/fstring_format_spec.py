pi = 3.14159265
n = 1234567
print(f"{pi:.2f}|{pi:10.3f}|{pi:<10.1f}|{pi:^10.2f}|{pi:+.1e}")
print(f"{n:,}|{n:_}|{n:>12,}|{n:012d}|{-n:+}")
print(f"{255:x}|{255:X}|{255:#x}|{255:o}|{255:#b}|{5:08b}")
print(f"{'left':<8}|{'right':>8}|{'mid':^9}|{'pad':*^9}")
print(f"{0.25:%}|{0.25:.1%}|{1e-7:g}|{123456789.0:g}|{1.5:g}")
width, prec = 12, 3
print(f"{pi:{width}.{prec}f}|")
print(f"{'abc'!s:>5}|{3:d}|{-3.5:.0f}|{2.5:.0f}|{True:d}")
print(f"{{literal}} {n // 1000}k {'nested ' + f'{1 + 1}'}")
print(format(42, "05d"), format(3.5, ".3g"), format("s", "3"), "{:>6.2f}".format(2.0))
print("{0}-{1}-{0}".format("a", "b"), "{x}/{y}".format(x=1, y=2), "%s=%d (%.2f) %r" % ("k", 7, 0.5, "q"))
