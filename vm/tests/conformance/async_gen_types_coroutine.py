import types


@types.coroutine
def gen_coro():
    value = yield 'suspend'
    return value + 1


async def main():
    return await gen_coro()


c = main()
print(c.send(None))
try:
    c.send(41)
except StopIteration as e:
    print(e.value)
