async def ag(n):
    for i in range(n):
        if i == 2:
            return
        yield i


g = ag(10)
out = []
while True:
    try:
        g.__anext__().send(None)
    except StopIteration as e:
        out.append(e.value)
    except StopAsyncIteration:
        break
print(out)
