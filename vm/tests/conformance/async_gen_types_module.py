import types


async def ag():
    yield


async def co():
    pass


c = co()
print(isinstance(ag(), types.AsyncGeneratorType))
print(isinstance(c, types.CoroutineType))
print(types.AsyncGeneratorType.__name__, types.CoroutineType.__name__)
c.close()
