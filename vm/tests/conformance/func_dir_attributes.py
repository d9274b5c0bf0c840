# dir() of a function lists its special attributes and its own.
def f():
    pass


f.extra = 1
names = dir(f)
for n in ["__code__", "__defaults__", "__globals__", "__name__", "__qualname__",
          "__kwdefaults__", "__closure__", "__module__", "__dict__", "extra"]:
    print(n, n in names)
