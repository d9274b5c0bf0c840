class cached:
    def __init__(self, func):
        self.func = func

    def __set_name__(self, owner, name):
        self.attrname = name

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        cache = obj.__dict__
        if self.attrname in cache:
            return cache[self.attrname]
        val = self.func(obj)
        cache[self.attrname] = val
        return val


class Circle:
    def __init__(self, r):
        self.r = r

    @cached
    def area(self):
        print("computing")
        return 3 * self.r * self.r


c = Circle(2)
print(c.area)
print(c.area)
print(sorted(vars(c)))
del c.area
print(c.area)
