def f(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(x):
            return f"float {x}"
        case str() as s:
            return f"str {s!r}"
        case list([a, *_]):
            return f"list starting {a}"
        case tuple(t):
            return f"tuple {t}"
        case dict(d):
            return f"dict {d}"
        case bytes(b):
            return f"bytes {b!r}"
        case _:
            return "other"


for v in [True, 3, 2.5, "s", [9, 8], [], (1, 2), {"k": 1}, b"x", None]:
    print(f(v))
