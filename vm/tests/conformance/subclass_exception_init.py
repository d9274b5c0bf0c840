class AppError(Exception):
    def __init__(self, message, code):
        super().__init__(message)
        self.code = code


class NotFound(AppError):
    def __str__(self):
        return f"{self.args[0]} (code {self.code})"


try:
    raise NotFound("missing thing", 404)
except AppError as e:
    print(e, e.code, e.args, type(e).__name__)
    print(isinstance(e, Exception), [k.__name__ for k in type(e).__mro__])
print(repr(AppError("x", 1)))
