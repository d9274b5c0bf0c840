def f(x):
    match x:
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
        case 1:
            return "one"
        case _:
            return "other"


for v in [None, True, False, 1, 0, 1.0, ""]:
    print(repr(v), f(v))
