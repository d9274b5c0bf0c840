async def ag():
    yield 1


g = ag()
c = g.aclose()
try:
    c.send(None)
except StopIteration:
    print('closed')
try:
    c.send(None)
except RuntimeError as e:
    print(e)
