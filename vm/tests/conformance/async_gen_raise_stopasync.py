async def ag():
    raise StopAsyncIteration
    yield


try:
    ag().__anext__().send(None)
except RuntimeError as e:
    print(e)
    print(type(e.__cause__).__name__)
