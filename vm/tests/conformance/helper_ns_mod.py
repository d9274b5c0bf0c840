"""Helper module imported by introspect_globals_module.py (not a test case)."""

value = 1


def show(name):
    return globals().get(name, "unbound")


def read_y():
    return y
