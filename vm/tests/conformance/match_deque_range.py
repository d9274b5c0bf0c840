from collections import deque

for subject in [deque([1, 2, 3]), range(3), range(10), (i for i in range(3))]:
    match subject:
        case [a, *rest] if len(rest) < 5:
            print(type(subject).__name__, a, rest)
        case [*everything]:
            print(type(subject).__name__, "long", len(everything))
        case _:
            print(type(subject).__name__, "no")
