# list(), tuple(), set(), frozenset() and dict() refuse extra arguments as CPython does.
for t in (list, tuple, set, frozenset, dict):
    for args, kw in (((1, 2), {}), (([],), {"x": 1})):
        try:
            t(*args, **kw)
            print(t.__name__, "ok")
        except TypeError as e:
            print(t.__name__, "TypeError:", e)
