import inspect


def worker(n):
    """Doc."""
    total = 0

    for i in range(n):
        # comment
        total += yield i
    return total


class K:
    def method(self):
        return 1

    x = 5


print(inspect.getsource(worker), end="")
lines, start = inspect.getsourcelines(K.method)
print(start, lines)
g = worker(3)
print(inspect.getsource(g.gi_code).splitlines()[0])
print(inspect.getfile(worker).endswith(".py"))
print([name for name, _ in inspect.getmembers(K) if not name.startswith("__")])
print([n for n, v in inspect.getmembers(K(), inspect.ismethod) if not n.startswith("__")])
print(inspect.ismethod(K().method), inspect.isbuiltin(len), inspect.isroutine(worker), inspect.isroutine(5))
try:
    inspect.getsource(5)
except TypeError as e:
    print("TypeError:", e)
