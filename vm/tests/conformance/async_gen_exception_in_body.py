def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def ag():
    yield 1
    raise ValueError('from body')


async def main():
    try:
        async for x in ag():
            print('got', x)
    except ValueError as e:
        print('caught', e)


run(main())
