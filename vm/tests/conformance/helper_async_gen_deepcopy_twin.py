async def ag(n, start=0):
    for i in range(start, n):
        yield i


def step(g):
    try:
        g.__anext__().send(None)
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return 'end'


g = ag(3)
print(step(g))
h = ag(3, 1)
print(step(g), step(h), step(h), step(h), step(g))
print(type(ag(3)).__name__)
