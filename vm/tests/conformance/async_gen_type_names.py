async def ag():
    yield 1


g = ag()
print(type(g).__name__)
print(type(g.__anext__()).__name__)
print(type(g.asend(None)).__name__)
print(type(g.athrow(ValueError)).__name__)
print(type(g.aclose()).__name__)
print(g.__aiter__() is g)
