import types


@types.coroutine
def pause():
    yield 'flush'


async def ag():
    try:
        yield 1
    finally:
        await pause()
        print('flushed')


g = ag()
try:
    g.__anext__().send(None)
except StopIteration as e:
    print(e.value)
c = g.aclose()
print('aclose yielded', c.send(None))
try:
    c.send(None)
except StopIteration:
    print('aclose finished')
