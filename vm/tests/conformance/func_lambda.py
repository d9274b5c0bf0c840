square = lambda x: x * x
print(square(7))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(square, inc)(3))
print((lambda *a, **k: (a, sorted(k)))(1, 2, b=3, a=4))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(square.__name__)
