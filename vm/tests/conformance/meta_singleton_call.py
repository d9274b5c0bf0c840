class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kw):
        if cls not in Singleton._instances:
            Singleton._instances[cls] = super().__call__(*args, **kw)
        return Singleton._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, value):
        print("init once", value)
        self.value = value


a = Config(1)
b = Config(2)
print(a is b, b.value)
