async def main():
    async with 5:
        pass


try:
    main().send(None)
except TypeError as e:
    print("TypeError:", e)
