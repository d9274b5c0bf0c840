async def ag():
    try:
        yield 1
    finally:
        print('finally on drop')


g = ag()
try:
    g.__anext__().send(None)
except StopIteration:
    pass
del g
print('after del')
