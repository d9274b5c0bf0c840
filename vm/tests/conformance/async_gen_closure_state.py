def make(limit):
    async def counter():
        n = 0
        while n < limit:
            n += 1
            yield n
    return counter


def drain(g):
    out = []
    while True:
        try:
            g.__anext__().send(None)
        except StopIteration as e:
            out.append(e.value)
        except StopAsyncIteration:
            return out


print(drain(make(3)()), drain(make(1)()))
