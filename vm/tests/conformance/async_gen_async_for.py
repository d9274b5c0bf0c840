def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def count(n):
    for i in range(n):
        yield i


async def main():
    total = []
    async for x in count(4):
        total.append(x * x)
    return total


print(run(main()))
