class Manager:
    async def __aenter__(self):
        print("enter")
        return self

    async def __aexit__(self, *args):
        print("exit", args)


async def find(items):
    for item in items:
        async with Manager():
            if item > 1:
                return item
            if item == 0:
                continue
            print("item", item)
    return None


c = find([0, 1, 2, 3])
try:
    c.send(None)
except StopIteration as e:
    print("found", e.value)
