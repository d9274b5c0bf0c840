class Outer:
    "Outer doc."

    class Inner:
        def method(self):
            pass


def factory():
    class Local:
        pass
    return Local


print(Outer.__qualname__, Outer.Inner.__qualname__, Outer.Inner.method.__qualname__)
print(Outer.__module__, Outer.__doc__, Outer.Inner.__doc__)
L = factory()
print(L.__qualname__, L.__name__)
L.__name__ = "Renamed"
L.__qualname__ = "x.Renamed"
print(L.__name__, L.__qualname__)
print("__doc__" in Outer.__dict__, Outer.__dict__["__module__"])
