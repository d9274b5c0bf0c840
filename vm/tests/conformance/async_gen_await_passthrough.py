import types


@types.coroutine
def tick(label):
    got = yield label
    return got


async def ag():
    r = await tick('inner-tick')
    yield r * 2


g = ag()
aw = g.__anext__()
print('driver saw', aw.send(None))
try:
    aw.send(21)
except StopIteration as e:
    print('item', e.value)
