class Step:
    def __await__(self):
        yield "step"


class Resource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("enter", self.name)
        await Step()
        return self.name.upper()

    async def __aexit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        await Step()
        return exc_type is KeyError


async def main():
    async with Resource("a") as r:
        print("inside", r)
    async with Resource("b") as r:
        raise KeyError("swallowed")
    try:
        async with Resource("c"):
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", e)
    return "done"


c = main()
steps = 0
while True:
    try:
        c.send(None)
        steps += 1
    except StopIteration as e:
        print(e.value, steps)
        break
