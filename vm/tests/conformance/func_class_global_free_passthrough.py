# A class's own `global x` does not hide the enclosing function's x from the
# methods defined in it.
x = 100


def test(x):
    class Foo:
        global x

        def __call__(self, y):
            return x + y

    return Foo()


print(test(6)(2), test(3)(2))
