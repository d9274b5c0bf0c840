async def ag():
    try:
        yield 1
        yield 2
    finally:
        print('finally ran')


g = ag()
try:
    g.__anext__().send(None)
except StopIteration as e:
    print(e.value)
try:
    g.aclose().send(None)
except StopIteration as e:
    print('aclose done', e.value)
try:
    g.__anext__().send(None)
except StopAsyncIteration:
    print('closed generator is exhausted')
