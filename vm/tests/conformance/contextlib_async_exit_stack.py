def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

from contextlib import AsyncExitStack, asynccontextmanager


@asynccontextmanager
async def res(n):
    print('enter', n)
    yield n
    print('exit', n)


async def note(msg):
    print('async callback', msg)


async def main():
    async with AsyncExitStack() as stack:
        a = await stack.enter_async_context(res(1))
        b = await stack.enter_async_context(res(2))
        stack.push_async_callback(note, 'first pushed')
        print('body', a, b)


run(main())
