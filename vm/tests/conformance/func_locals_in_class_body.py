# locals() in a class body lists the names bound so far, not free variables.
def f(x):
    class C:
        y = x

        def m(self):
            return x

        z = list(locals())

    return C


print(f(1).z)
