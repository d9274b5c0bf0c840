"""Module docstring."""


def f():
    """Function doc."""


def g():
    pass


class C:
    """Class doc."""

    def m(self):
        """Method doc."""


class D:
    pass


print(__doc__)
print(f.__doc__, g.__doc__)
print(C.__doc__, C().m.__doc__, D.__doc__)
