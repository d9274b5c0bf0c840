def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

from contextlib import asynccontextmanager


@asynccontextmanager
async def session(name):
    print('open', name)
    try:
        yield name + '!'
    finally:
        print('close', name)


async def main():
    async with session('s') as s:
        print('using', s)


run(main())
