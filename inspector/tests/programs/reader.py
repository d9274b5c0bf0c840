def lines(path):
    with open(path) as f:
        for line in f.read().splitlines():
            yield line.upper()

for l in lines("data.txt"):
    print(l)
