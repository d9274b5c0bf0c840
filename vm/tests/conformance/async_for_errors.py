class NoAnext:
    def __aiter__(self):
        return self


class BadAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 5


class Raises:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise ValueError("from __anext__")


async def loop(obj):
    async for _ in obj:
        pass


for obj in [[1, 2], NoAnext(), BadAnext(), Raises()]:
    try:
        loop(obj).send(None)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(StopAsyncIteration.__mro__[1].__name__, issubclass(StopAsyncIteration, Exception))
