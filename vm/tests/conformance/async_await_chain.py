class Tick:
    def __await__(self):
        yield "tick"
        return 1


async def inner(n):
    total = 0
    for _ in range(n):
        total += await Tick()
    return total


async def outer():
    a = await inner(2)
    b = await inner(3)
    return a * 10 + b


def run(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
            ticks += 1
        except StopIteration as e:
            return ticks, e.value


print(run(outer()))
