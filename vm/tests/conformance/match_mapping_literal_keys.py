def f(m):
    match m:
        case {None: v}:
            return f"None key -> {v}"
        case {True: v}:
            return f"True key -> {v}"
        case {0: a, "0": b}:
            return f"both zeros {a} {b}"
        case {1.5: v}:
            return f"float key {v}"
    return "none"


print(f({None: 1}))
print(f({1: "one"}))
print(f({0: "int", "0": "str"}))
print(f({1.5: "x"}))
print(f({}))
