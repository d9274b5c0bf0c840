# Annotation expressions run when the def runs, after the defaults.
def note(x):
    print("evaluating", x)
    return x


def f(a: note("ann a") = note("default a"), *, b: note("ann b") = note("default b")) -> note("ret"):
    pass


print(f.__annotations__)
f()
