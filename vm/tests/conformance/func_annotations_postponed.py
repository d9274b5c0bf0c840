from __future__ import annotations

# With postponed evaluation, annotations are kept as strings.


def f(a: Undefined, b: list[int] = None) -> Missing:
    pass


class C:
    field: NotDefinedEither


print(f.__annotations__)
print(C.__annotations__)
