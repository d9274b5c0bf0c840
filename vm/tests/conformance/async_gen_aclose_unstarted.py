async def ag():
    print('never runs')
    yield 1


g = ag()
try:
    g.aclose().send(None)
except StopIteration:
    print('aclose done')
try:
    g.__anext__().send(None)
except StopAsyncIteration:
    print('exhausted')
