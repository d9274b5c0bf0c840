async def ag():
    yield


g = ag()
r = repr(g)
print(r.startswith('<async_generator object ag at 0x'))
print(repr(g.__anext__()).startswith('<async_generator_asend object at 0x'))
