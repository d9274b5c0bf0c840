async def inner():
    raise KeyError("deep")


async def outer():
    await inner()


outer().send(None)
