# Functions carry arbitrary attributes in __dict__.
def f():
    pass


f.calls = 0
f.calls += 1
f.tag = "x"
print(f.calls, f.tag, f.__dict__)
print(hasattr(f, "missing"))
