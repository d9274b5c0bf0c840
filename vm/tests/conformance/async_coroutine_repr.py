async def job():
    pass


class K:
    async def method(self):
        return 7


c = job()
print(repr(c).split(" at ")[0])
m = K().method()
print(repr(m).split(" at ")[0])
print(c.__name__, c.__qualname__, m.__qualname__)
try:
    m.send(None)
except StopIteration as e:
    print(e.value)
c.close()
