def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def ag():
    try:
        for i in range(10):
            yield i
    finally:
        print('cleanup')


async def main():
    g = ag()
    async for x in g:
        if x == 2:
            break
    print('after loop', x)
    await g.aclose()
    print('closed')


run(main())
