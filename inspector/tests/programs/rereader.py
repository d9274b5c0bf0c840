def polls(path, times):
    for i in range(times):
        with open(path) as f:
            first = f.read().splitlines()[i % 2]
        yield i, first


for i, line in polls("data.txt", 6):
    print(i, line)
