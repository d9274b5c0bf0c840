class Pause:
    def __await__(self):
        yield "pause"


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        await Pause()
        self.n -= 1
        return self.n


async def main():
    seen = []
    async for v in Countdown(3):
        seen.append(v)
    else:
        seen.append("else")
    async for v in Countdown(5):
        if v == 2:
            break
        if v == 3:
            continue
        seen.append(v)
    return seen


c = main()
pauses = 0
while True:
    try:
        c.send(None)
        pauses += 1
    except StopIteration as e:
        print(e.value, pauses)
        break
