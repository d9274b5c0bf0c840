class Suspend:
    """An awaitable that suspends its coroutine once, handing `tag` to the driver."""

    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        reply = yield self.tag
        return reply


async def add(a, b):
    x = await Suspend("first")
    y = await Suspend("second")
    return a + b + x + y


coro = add(1, 2)
print(repr(coro).split(' at ')[0])
print(coro.send(None))
print(coro.send(10))
try:
    coro.send(100)
except StopIteration as e:
    print("result", e.value)
