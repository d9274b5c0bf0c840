class Registry(type):
    classes = []

    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        if bases:
            Registry.classes.append(name)


class Model(metaclass=Registry):
    pass


class User(Model):
    pass


class Post(Model):
    pass


print(Registry.classes)
print(type(Post).__name__, Post.__mro__[1].__name__)
