for v in [True, 1, 1.0, False, 0]:
    match v:
        case True:
            print(repr(v), "is True")
        case 1:
            print(repr(v), "== 1")
        case False:
            print(repr(v), "is False")
        case _:
            print(repr(v), "other")
