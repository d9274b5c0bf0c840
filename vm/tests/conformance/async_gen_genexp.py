def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def ag():
    for i in range(3):
        yield i


async def main():
    gen = (x + 100 async for x in ag())
    print(type(gen).__name__)
    return [y async for y in gen]


print(run(main()))
