async def ag():
    try:
        yield 1
    except KeyError:
        yield 'handled'


g = ag()
try:
    g.__anext__().send(None)
except StopIteration as e:
    print(e.value)
aw = g.__anext__()
try:
    aw.throw(KeyError('k'))
except StopIteration as e:
    print('throw gave', e.value)
aw.close()
try:
    aw.send(None)
except RuntimeError as e:
    print(e)
