import inspect


async def ag():
    yield


async def co():
    pass


def gen():
    yield


for f in (ag, co, gen):
    print(f.__name__, inspect.isasyncgenfunction(f), inspect.iscoroutinefunction(f),
          inspect.isgeneratorfunction(f))
print(inspect.isasyncgen(ag()))
