def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def ag(n):
    for i in range(n):
        yield i


async def main():
    pairs = []
    async for a in ag(2):
        async for b in ag(3):
            if b > a:
                pairs.append((a, b))
    return pairs


print(run(main()))
