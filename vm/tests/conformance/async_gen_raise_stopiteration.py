async def ag():
    yield 1
    raise StopIteration('x')


g = ag()
try:
    g.__anext__().send(None)
except StopIteration as e:
    print('first', e.value)
try:
    g.__anext__().send(None)
except RuntimeError as e:
    print(e)
