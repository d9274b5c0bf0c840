async def ag():
    try:
        yield 1
    finally:
        yield 2


g = ag()
try:
    g.__anext__().send(None)
except StopIteration:
    pass
try:
    g.aclose().send(None)
except RuntimeError as e:
    print('RuntimeError:', e)
