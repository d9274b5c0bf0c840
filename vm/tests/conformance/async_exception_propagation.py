class Pause:
    def __await__(self):
        yield


async def fails(n):
    await Pause()
    raise ValueError(f"failed {n}")


async def catches():
    results = []
    for i in range(2):
        try:
            await fails(i)
        except ValueError as e:
            results.append(str(e))
    return results


c = catches()
while True:
    try:
        c.send(None)
    except StopIteration as e:
        print(e.value)
        break
