async def ag():
    yield 1


g = ag()
print(g.__name__, g.__qualname__)
print(g.ag_running, g.ag_await)
print(g.ag_code.co_name)
print(g.ag_frame is not None)
print(g.ag_code.co_flags & 0x200 != 0)
