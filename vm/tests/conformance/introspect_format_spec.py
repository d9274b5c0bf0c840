for v, specs in [
    (1234567.891, ["", ",", "_", ".2f", ",.2f", "e", ".3g", "%", ".1%", "+.2e", "20,.3f", "<15", "^15", ">15", "*^15.2f", "=+15.1f", "015.3f", "G", "n"]),
    (42, ["", "b", "o", "x", "X", "#b", "#o", "#x", "08b", ",", "_", "_b", "+", " ", "c", "e", ".2f", "%", "=10", "^10", "*<6"]),
    ("text", ["", "<8", ">8", "^8", ".2", "*^10.3", "s"]),
    (-0.0, ["", "f", "z.1f" if False else "f", "+f"]),
    (float("inf"), ["", "f", "e", "%", "10"]),
    (True, ["", "d", "5"]),
]:
    print([format(v, s) for s in specs])
print("{:>{w}.{p}f}|{!r:^9}|".format(3.14159, "s", w=10, p=2))
print("{0:{fill}<{w}}|{1}|{0}".format(3.14159, "s", w=10, fill="-"))
for fmt in ["{} {0}", "{0} {}", "{} {}"]:
    try:
        print(fmt.format("a", "b"))
    except ValueError as e:
        print("ValueError:", e)
print("{0[1]} {1[k]} {2.real}".format([1, 2], {"k": "v"}, 3))
for bad in [(1, "q"), ("s", "d"), (1.5, "x"), (1, ",,"), ("s", "+")]:
    try:
        format(*bad)
    except Exception as e:
        print(type(e).__name__ + ":", e)
