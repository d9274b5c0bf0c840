# Precisions past what a double holds are padded with zeros, as CPython does.
for spec in [".65536f", ".65536e", ".65536g", ".1100f", ".1075f", ".900e", ".100000f"]:
    r = format(1.5, spec)
    print(spec, len(r), r[:10], r[-5:])
r = f"{1.5:.65536f}"
print(len(r), r.count("0"))
print(len("%.65536f" % (1 / 3)))
for x in [5e-324, 1 / 3, 1e300]:
    r = format(x, ".1200f")
    print(len(r), r.rstrip("0")[-12:])
try:
    format(1.5, ".2147483648f")
except ValueError as e:
    print("ValueError", e)
