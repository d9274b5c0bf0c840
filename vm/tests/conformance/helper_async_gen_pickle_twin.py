async def ag(n, start=0):
    for i in range(start, n):
        yield i * 3


def step(g):
    try:
        g.__anext__().send(None)
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return 'end'


g = ag(3)
print(step(g))
r = ag(3, 1)
print(step(r), step(r), step(r), step(g))
