def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

from contextlib import asynccontextmanager


@asynccontextmanager
async def guard():
    try:
        yield
    except KeyError as e:
        print('handled', e)


async def main():
    async with guard():
        raise KeyError('k')
    print('after')


run(main())
