class A(object):
    def __init__(self):
        super().__init__()
        self.ready = True

    def __repr__(self):
        return "A()"


a = A()
print(a, a.ready, A.__bases__ == (object,), isinstance(a, object))
print(object.__init__ is A.__mro__[1].__init__, type(object.__new__(A)).__name__)
