def add_attr(name, value):
    def deco(cls):
        setattr(cls, name, value)
        return cls
    return deco


def register(cls):
    print("register", cls.__name__)
    return cls


@register
@add_attr("color", "red")
@add_attr("size", 3)
class Thing:
    pass


print(Thing.color, Thing.size)
