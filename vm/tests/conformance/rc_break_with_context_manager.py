class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, et, ev, tb):
        print("close", self.name, et.__name__ if et else None)
        return False


def lines(name):
    with Resource(name):
        for i in range(5):
            yield f"{name}:{i}"


for line in lines("data"):
    print(line)
    if line.endswith("1"):
        break
print("after loop")
