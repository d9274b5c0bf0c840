from . import b

A = "a"


def use_b():
    return b.B
