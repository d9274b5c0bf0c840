# __globals__ is the module's namespace dict.
x = 1


def f():
    return x


print(f.__globals__ is globals())
f.__globals__["x"] = 42
print(f(), x)
try:
    f.__globals__ = {}
except AttributeError as e:
    print(e)
