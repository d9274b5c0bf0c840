def classify(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hi":
            return "greeting"
        case b"raw":
            return "bytes"
        case -1:
            return "minus one"
        case 2.5:
            return "two and a half"
        case _:
            return "other"


for v in [0, 1, 3, "hi", b"raw", -1, 2.5, 4, "x", 0.0, True, False]:
    print(repr(v), classify(v))
