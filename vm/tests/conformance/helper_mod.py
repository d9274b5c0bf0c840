"""Helper module imported by import_sibling.py (not a test case)."""

print("helper_mod imported as", __name__)

GREETING = "hello from helper"
_counter = 0


def bump():
    global _counter
    _counter += 1
    return _counter


def countdown(n):
    while n > 0:
        yield n
        n -= 1


class Widget:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Widget({self.name!r})"
