def trace(fn):
    def wrapper(*args):
        print("call", fn.__name__, args)
        result = fn(*args)
        print("return", result)
        return result
    return wrapper


def repeat(n):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(n)]
        return wrapper
    return deco


@trace
def add(a, b):
    return a + b


@repeat(3)
@trace
def one():
    return 1


add(2, 3)
print(one())
print(add.__name__)
