async def ag():
    yield 1


g = ag()
try:
    g.aclose().send(None)
except StopIteration:
    print('closed')
try:
    g.athrow(ValueError('late')).send(None)
except StopIteration:
    print('athrow on a finished generator stops')
except ValueError as e:
    print('raised', e)
