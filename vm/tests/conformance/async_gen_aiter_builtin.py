def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def ag():
    yield 1
    yield 2


async def main():
    g = ag()
    it = aiter(g)
    print(it is g)
    async for x in it:
        print(x)
    try:
        aiter(5)
    except TypeError as e:
        print(e)


run(main())
