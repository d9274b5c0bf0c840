def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

from contextlib import aclosing


async def ticker():
    try:
        for i in range(5):
            yield i
    finally:
        print('ticker closed')


async def main():
    async with aclosing(ticker()) as t:
        async for x in t:
            if x == 1:
                break
    print('after')


run(main())
