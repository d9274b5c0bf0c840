class Need:
    def __init__(self, what):
        self.what = what

    def __await__(self):
        return (yield self.what)


async def compute():
    a = await Need("a")
    b = await Need("b")
    return a * b


def driver(coro, answers):
    """A plain generator that drives a coroutine and reports each request."""
    value = None
    while True:
        try:
            request = coro.send(value)
        except StopIteration as e:
            return e.value
        yield request
        value = answers[request]


g = driver(compute(), {"a": 6, "b": 7})
print(list(g))
g = driver(compute(), {"a": 6, "b": 7})
try:
    while True:
        next(g)
except StopIteration as e:
    print("driver returned", e.value)
