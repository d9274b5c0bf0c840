cases = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 5 % 0,
    lambda: 1.0 / 0,
    lambda: [1][5],
    lambda: (1,)[2],
    lambda: "ab"[9],
    lambda: {}["k"],
    lambda: {}[(1, 2)],
    lambda: int("x1"),
    lambda: float("nan?"),
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: [] * [],
    lambda: len(5),
    lambda: nothing(),
    lambda: undefined_name,
    lambda: (1).real_part,
    lambda: [].pop(),
    lambda: [1].index(2),
    lambda: "abc".index("z"),
    lambda: next(iter([])),
    lambda: int(),
    lambda: {}.popitem(),
    lambda: set().pop(),
    lambda: a_list.remove(3),
    lambda: hash([]),
    lambda: 2 ** -1 % 0,
]
a_list = [1]
nothing = None
for c in cases:
    try:
        c()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ":", e)
