class Color:
    RED = "r"
    GREEN = "g"


class Consts:
    LIMIT = 10
    NAME = "n"


def f(x):
    match x:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
        case Consts.LIMIT:
            return "limit"
        case Consts.NAME:
            return "name"
    return "none"


for v in ["r", Color.GREEN, 10, 10.0, "n", 1]:
    print(f(v))
