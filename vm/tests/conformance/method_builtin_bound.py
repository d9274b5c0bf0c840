# Methods of built-in objects bound to them are built-in functions.
bm = [].append
print(bm.__name__, bm.__qualname__, bm.__self__, type(bm).__name__)
d = {}
print(d.get.__self__ is d, type(d.get).__name__, len.__qualname__)
