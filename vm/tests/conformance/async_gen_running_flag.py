import types


@types.coroutine
def pause():
    yield 'paused'


async def ag():
    await pause()
    yield 'done'


g = ag()
aw = g.__anext__()
print(aw.send(None))
print('running', g.ag_running)
print('awaiting', type(g.ag_await).__name__)
try:
    g.__anext__().send(None)
except RuntimeError as e:
    print(e)
try:
    aw.send(None)
except StopIteration as e:
    print(e.value, g.ag_running)
