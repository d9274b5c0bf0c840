# Annotated names in module and class bodies fill __annotations__; annotations
# inside functions are not evaluated.
x: int = 1
y: "str"


class C:
    a: int
    b: str = "b"
    if True:
        c: float = 1.0


def f():
    z: undefined_name = 3
    return z


print(__annotations__)
print(C.__annotations__, C.b)
print(f())
