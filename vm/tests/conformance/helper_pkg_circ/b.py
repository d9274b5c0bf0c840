from . import a

B = "b"


def use_a():
    return a.A
