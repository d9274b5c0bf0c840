def f(x):
    match x:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", "r": r}:
            return f"circle {r}"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"


print(f({"type": "point", "x": 1, "y": 2, "extra": 0}))
print(f({"type": "circle", "r": 3}))
print(f({"type": "circle"}))
print(f({}))
print(f([("type", "point")]))
print(f("type"))
