async def ag():
    yield 1


try:
    for x in ag():
        pass
except TypeError as e:
    print(e)
try:
    next(ag())
except TypeError as e:
    print(e)
