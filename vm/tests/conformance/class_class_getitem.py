class Box:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)


class Sub(Box):
    pass


print(Box[int])
print(Sub["x"])
print(type(Box.__dict__["__class_getitem__"]).__name__)
