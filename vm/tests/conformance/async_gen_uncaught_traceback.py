def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def ag():
    yield 1
    1 / 0


async def main():
    async for x in ag():
        print(x)


run(main())
