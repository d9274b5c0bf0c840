class Pause:
    def __await__(self):
        try:
            yield "paused"
        finally:
            print("awaitable cleaned up")


async def leaf():
    try:
        await Pause()
    finally:
        print("leaf finally")


async def middle():
    try:
        await leaf()
    finally:
        print("middle finally")


c = middle()
print(c.send(None))
c.close()
print("after close")
