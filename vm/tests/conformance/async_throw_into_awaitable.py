class Catcher:
    def __await__(self):
        try:
            yield "waiting"
        except ValueError as e:
            print("awaitable caught", e)
            return "handled"


async def main():
    r = await Catcher()
    print("await returned", r)
    return r


c = main()
print(c.send(None))
try:
    c.throw(ValueError("boom"))
except StopIteration as e:
    print("finished with", e.value)
