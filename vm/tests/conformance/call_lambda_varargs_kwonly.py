# A lambda with *args and keyword-only parameters.
h = lambda *a, k=1, **kw: (a, k, kw)
print(h())
print(h(1, 2, k=5))
print(h(1, z=3))
