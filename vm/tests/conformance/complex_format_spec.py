z = 1234.5 - 0.25j
for spec in ["", "10", ".2f", "<20.3e", "+", ">15", "^25.4g", "#g", "n", "_f", ",.1f", "E", ".0f", "G", "F"]:
    print(repr(spec), repr(format(z, spec)), repr(format(3j, spec)))
