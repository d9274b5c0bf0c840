from collections.abc import AsyncGenerator, AsyncIterator, Coroutine, Awaitable, Generator


async def ag():
    yield


async def co():
    pass


a = ag()
c = co()
print(isinstance(a, AsyncGenerator), isinstance(a, AsyncIterator))
print(isinstance(c, Coroutine), isinstance(c, Awaitable), isinstance(c, Generator))
c.close()
