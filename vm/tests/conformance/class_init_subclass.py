class Registry:
    members = []

    def __init_subclass__(cls):
        print("init_subclass", cls.__name__)
        Registry.members.append(cls.__name__)
        super().__init_subclass__()


class A(Registry):
    pass


class B(A):
    pass


print(Registry.members)
print(type(Registry.__dict__["__init_subclass__"]).__name__)
