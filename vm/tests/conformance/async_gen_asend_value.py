async def echo():
    received = None
    while True:
        received = yield received
        print('received', received)


g = echo()
try:
    g.asend(None).send(None)
except StopIteration as e:
    print('first', e.value)
for word in ['x', 'y']:
    try:
        g.asend(word).send(None)
    except StopIteration as e:
        print('echo', e.value)
