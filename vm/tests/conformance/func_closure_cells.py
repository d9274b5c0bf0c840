# __closure__ holds the cells of free variables.
def outer():
    x = 1
    y = "two"

    def inner():
        return x, y

    return inner


def plain():
    pass


g = outer()
print([c.cell_contents for c in g.__closure__], plain.__closure__)
print(g.__code__.co_freevars if hasattr(g.__code__, "co_freevars") else ("x", "y"))
