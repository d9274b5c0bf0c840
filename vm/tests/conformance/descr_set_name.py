class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name

    def __get__(self, obj, cls):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, "default-" + self.name)


class Rec:
    a = Field()
    b = Field()
    c = 3


r = Rec()
print(Rec.a.name, Rec.b.name)
print(r.a, r.b)
