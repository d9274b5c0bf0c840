"""Docstring before the future import."""
from __future__ import annotations, generator_stop
from math import *
from string import *

print(floor(2.5), sqrt(16.0), pi > 3)
print(digits, ascii_lowercase[:3])


def f(x: SomeUndefinedType) -> AlsoUndefined:
    return x


print(f(1))
