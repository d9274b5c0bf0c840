class Feed:
    async def items(self):
        yield 1


g = Feed().items()
print(g.__name__, g.__qualname__)
print(repr(g).split(' at ')[0])
