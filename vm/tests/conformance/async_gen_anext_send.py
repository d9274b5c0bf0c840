async def ag():
    yield 'a'
    yield 'b'


g = ag()
for _ in range(2):
    try:
        g.__anext__().send(None)
    except StopIteration as e:
        print('item', e.value)
try:
    g.__anext__().send(None)
except StopAsyncIteration as e:
    print('exhausted', repr(e))
