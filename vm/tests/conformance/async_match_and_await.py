class Reply:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        got = yield ("request", self.value)
        return got


async def handler():
    results = []
    while True:
        msg = await Reply(len(results))
        match msg:
            case {"op": "add", "args": [a, b]}:
                results.append(a + b)
            case {"op": "echo", "text": str() as text}:
                results.append(text)
            case "quit":
                return results
            case other:
                results.append(f"?{other!r}")


c = handler()
print(c.send(None))
for m in [{"op": "add", "args": [2, 3]}, {"op": "echo", "text": "hi"}, 42]:
    print(c.send(m))
try:
    c.send("quit")
except StopIteration as e:
    print("results", e.value)
