def f(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one {a}"
        case [a, b]:
            return f"two {a} {b}"
        case (a, b, c):
            return f"three {a} {b} {c}"
        case [a, [b, c], d]:
            return "nested"
        case _:
            return "many"


for v in [[], [1], (1, 2), [1, 2, 3], (1, [2, 3], 4), [1, 2, 3, 4], "ab", "a", b"ab", range(2), {1: 2}, {1, 2}, 7]:
    print(repr(v), f(v))
