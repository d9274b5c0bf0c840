class Items:
    def __init__(self, items):
        self.items = list(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)


async def first_even(src):
    async for x in src:
        if x % 2 == 0:
            return x
    return None


for data in [[1, 3, 4, 6], [1, 3]]:
    try:
        first_even(Items(data)).send(None)
    except StopIteration as e:
        print(data, "->", e.value)
