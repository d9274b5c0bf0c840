def f(x):
    match x:
        case [1, 2] | [3, 4] as pair:
            return f"pair {pair}"
        case (0 | 1 | 2) as small:
            return f"small {small}"
        case [("a" | "b") as letter, *rest]:
            return f"letter {letter} then {rest}"
        case {"k": (int() | float()) as num}:
            return f"number {num}"
        case str() | bytes():
            return "text"
    return "nothing"


for v in [[1, 2], [3, 4], [1, 3], 0, 2, 5, ["a", 1], ("b",), ["c"], {"k": 1.5}, {"k": "s"}, "t", b"b"]:
    print(repr(v), f(v))
