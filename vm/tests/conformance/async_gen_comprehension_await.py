def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

import types


@types.coroutine
def double(x):
    yield
    return x * 2


async def main():
    return [await double(i) for i in range(4)]


print(run(main()))
