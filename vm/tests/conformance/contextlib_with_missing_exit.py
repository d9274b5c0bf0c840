class OnlyEnter:
    def __enter__(self):
        return self


class OnlyAenter:
    async def __aenter__(self):
        return self


try:
    with OnlyEnter():
        pass
except TypeError as e:
    print(e)


async def main():
    async with OnlyAenter():
        pass


try:
    main().send(None)
except TypeError as e:
    print(e)
