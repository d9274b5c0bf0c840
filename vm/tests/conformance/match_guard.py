def f(p):
    match p:
        case (x, y) if x == y:
            return f"diagonal {x}"
        case (x, y) if x > y:
            return f"below {x} {y}"
        case (x, _):
            return f"above, x={x}"


print(f((1, 1)), f((3, 2)), f((1, 5)))

calls = []


def check(v):
    calls.append(v)
    return v > 1


for item in [0, 1, 2, 3]:
    match item:
        case n if check(n):
            print("big", n)
        case n:
            print("small", n)
print(calls)

# A guard that fails leaves the case's captures bound.
match (7, 8):
    case (a, b) if a > b:
        pass
    case _:
        print("guard failed; a and b are", a, b)
