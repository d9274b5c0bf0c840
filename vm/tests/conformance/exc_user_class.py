class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"key {key!r} not found")
        self.key = key


def lookup(d, k):
    if k not in d:
        raise NotFound(k)
    return d[k]


try:
    lookup({}, "x")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args)
print(issubclass(NotFound, Exception), NotFound.__mro__[1].__name__)
e = AppError("a", 2)
print(e.args, str(e), repr(e))
print(repr(AppError()), str(AppError()), str(AppError("only")))
