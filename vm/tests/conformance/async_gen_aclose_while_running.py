import types


@types.coroutine
def pause():
    yield 'paused'


async def ag():
    await pause()
    yield 1


g = ag()
aw = g.__anext__()
print(aw.send(None))
try:
    g.aclose().send(None)
except RuntimeError as e:
    print(e)
try:
    g.athrow(ValueError).send(None)
except RuntimeError as e:
    print(e)
