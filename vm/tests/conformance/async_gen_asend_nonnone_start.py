async def ag():
    yield 1


try:
    ag().asend(5).send(None)
except TypeError as e:
    print(e)
