class Pause:
    def __await__(self):
        yield "p"


async def child():
    await Pause()


async def parent():
    await child()


c = parent()
print(c.cr_running, c.cr_await, c.cr_code.co_name, c.cr_frame.f_code.co_name)
c.send(None)
print(c.cr_running, repr(c.cr_await).split(' at ')[0], c.cr_frame.f_lineno)
print(hasattr(c, "gi_frame"))
c.close()
print(c.cr_frame)
