# print rejects unknown keyword arguments and bad sep/end types.
for kw in [{"foo": 1}, {"sep": 1}, {"end": 2}]:
    try:
        print("x", **kw)
    except TypeError as e:
        print(e)
print("a", "b", sep=None, end=None, flush=True)
