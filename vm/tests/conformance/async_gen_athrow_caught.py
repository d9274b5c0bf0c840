async def ag():
    try:
        yield 1
    except ValueError as e:
        print('caught', e)
        yield 'recovered'


g = ag()
try:
    g.__anext__().send(None)
except StopIteration as e:
    print(e.value)
try:
    g.athrow(ValueError('bad')).send(None)
except StopIteration as e:
    print('athrow result', e.value)
