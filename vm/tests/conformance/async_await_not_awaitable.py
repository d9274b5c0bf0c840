class NoAwait:
    pass


class BadAwait:
    def __await__(self):
        return 42


def gen():
    yield 1


async def try_await(x):
    return await x


for obj in [3, NoAwait(), BadAwait(), gen()]:
    c = try_await(obj)
    try:
        c.send(None)
    except TypeError as e:
        print("TypeError:", e)
