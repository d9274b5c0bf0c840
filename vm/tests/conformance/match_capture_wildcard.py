def f(x):
    match x:
        case 0:
            return "zero"
        case other:
            return f"captured {other!r}"


print(f(0), f(5), f([1, 2]))
match 42:
    case _:
        print("wildcard matches anything")
match "abc":
    case s:
        print("bound", s)
print(s)
