def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

class CM:
    async def __aenter__(self):
        print('enter')
        return self

    async def __aexit__(self, *exc):
        print('exit', exc[0])


async def ag():
    async with CM():
        yield 1
        yield 2


async def main():
    async for x in ag():
        print('item', x)


run(main())
