def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def ag():
    yield 'only'


async def main():
    g = ag()
    print(await anext(g))
    print(await anext(g, 'default'))
    try:
        await anext(g)
    except StopAsyncIteration:
        print('stop')


run(main())
