# *args followed by a keyword-only parameter with a default.
def f(*args, key=None):
    return args, key


print(f())
print(f(1, 2))
print(f(1, 2, key=len))
print(f.__code__.co_varnames)
