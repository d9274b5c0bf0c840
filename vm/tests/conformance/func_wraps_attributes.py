# functools.wraps copies the name, doc and __dict__, and sets __wrapped__.
import functools


def deco(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)

    return wrapper


@deco
def h(x: int) -> int:
    "doc of h"
    return x * 2


print(h(4), h.__name__, h.__qualname__, h.__doc__, h.__wrapped__.__name__)
print(h.__annotations__, h.__module__)
