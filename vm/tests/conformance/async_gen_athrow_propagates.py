async def ag():
    yield 1


g = ag()
try:
    g.__anext__().send(None)
except StopIteration:
    pass
try:
    g.athrow(KeyError, 'k').send(None)
except KeyError as e:
    print('KeyError', e)
try:
    g.__anext__().send(None)
except StopAsyncIteration:
    print('finished after athrow')
