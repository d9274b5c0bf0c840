def f(x):
    match x:
        case [first, *rest]:
            return first, rest
    return None


def g(x):
    match x:
        case [*init, last]:
            return init, last
        case _:
            return "no"


def h(x):
    match x:
        case [a, *_, z]:
            return a, z
        case [*mid]:
            return "mid", mid


print(f([1, 2, 3]), f((4,)), f([]), f("abc"))
print(g([1]), g((1, 2, 3)), g([]))
print(h([1, 2, 3, 4]), h([1, 2]), h([1]), h(()))
print(h(range(5)))
