# nonlocal in a class body rebinds the enclosing function's variable.
def f(x):
    class C:
        nonlocal x
        x += 1

        def get(self):
            return x

    return C()


c = f(0)
print(c.get(), "x" in type(c).__dict__)
