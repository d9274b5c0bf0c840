async def ag():
    print('never runs')
    yield 1


g = ag()
try:
    g.athrow(ValueError('early')).send(None)
except ValueError as e:
    print('raised', e)
try:
    g.__anext__().send(None)
except StopAsyncIteration:
    print('exhausted')
