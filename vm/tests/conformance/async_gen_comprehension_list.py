def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def ag():
    for c in 'abc':
        yield c


async def main():
    return [c.upper() async for c in ag()]


print(run(main()))
