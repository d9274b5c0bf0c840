def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def ag():
    for i in range(10):
        yield i


async def main():
    evens = {i async for i in ag() if i % 2 == 0}
    squares = {i: i * i async for i in ag() if i < 3}
    return sorted(evens), squares


print(run(main()))
