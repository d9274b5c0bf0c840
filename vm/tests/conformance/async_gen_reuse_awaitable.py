async def ag():
    yield 1


aw = ag().__anext__()
try:
    aw.send(None)
except StopIteration as e:
    print(e.value)
try:
    aw.send(None)
except RuntimeError as e:
    print(e)
