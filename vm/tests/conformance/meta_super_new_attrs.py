class Auto(type):
    def __new__(mcls, name, bases, ns):
        ns["fields"] = tuple(k for k in ns if not k.startswith("_"))
        return super().__new__(mcls, name, bases, ns)


class Rec(metaclass=Auto):
    a = 1
    b = 2

    def total(self):
        return self.a + self.b


print(Rec.fields, Rec().total(), Rec.__qualname__, Rec.__module__)
