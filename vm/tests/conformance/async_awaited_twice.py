class Pause:
    def __await__(self):
        yield "paused"


async def slow():
    await Pause()
    return "slow done"


async def waiter(c):
    return await c


shared = slow()
first = waiter(shared)
print(first.send(None))
second = waiter(shared)
try:
    second.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    first.send(None)
except StopIteration as e:
    print("first got", e.value)
third = waiter(shared)
try:
    third.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
