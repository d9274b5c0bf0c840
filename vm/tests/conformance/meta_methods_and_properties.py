class Meta(type):
    def describe(cls):
        return "class " + cls.__name__

    @property
    def upper_name(cls):
        return cls.__name__.upper()

    counter = 7


class Thing(metaclass=Meta):
    pass


print(Thing.describe(), Thing.upper_name, Thing.counter)
try:
    Thing().describe()
except AttributeError as e:
    print(e)
