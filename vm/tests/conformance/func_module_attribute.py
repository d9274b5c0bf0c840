# __module__ names the defining module and can be reassigned.
def f():
    pass


print(f.__module__)
f.__module__ = "elsewhere"
print(f.__module__, "__module__" in f.__dict__)
