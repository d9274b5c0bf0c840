def attempt(x):
    try:
        print("try", x)
        r = 10 // x
    except ZeroDivisionError:
        print("except")
        return "from except"
    else:
        print("else", r)
        return "from else"
    finally:
        print("finally")


print(attempt(2))
print(attempt(0))


def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"


print(finally_overrides())


def loop():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("finally for", i)


loop()
