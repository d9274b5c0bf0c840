# eval with globals and locals dicts, and in the caller's scope.
print(eval("a + b", {"a": 1}, {"b": 2}))
print(eval("x * 2", {"x": 4}))
print(eval("  len(s)", {"s": "abc"}))
x = 10


def f():
    z = 3
    return eval("z + x")


print(f(), eval("x + 1"))
print(eval("[i * i for i in range(n)]", {"n": 4}))
