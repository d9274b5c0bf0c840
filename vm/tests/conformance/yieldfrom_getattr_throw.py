class Thrower:
    def __iter__(self):
        return self
    def __next__(self):
        return 2
    def __getattr__(self, attr):
        if attr == "throw":
            return lambda *a: "thrown"
        raise AttributeError(attr)

def h():
    yield from Thrower()

hi = h()
print(next(hi), hi.throw(ValueError))
