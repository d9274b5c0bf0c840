class Wait:
    def __await__(self):
        yield "waiting"


async def worker():
    try:
        await Wait()
        await Wait()
    except KeyError as e:
        print("caught", repr(e))
        await Wait()
        return "recovered"
    finally:
        print("cleanup")


c = worker()
print(c.send(None))
print(c.throw(KeyError("k")))
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)

c2 = worker()
c2.send(None)
c2.close()
print("closed")
