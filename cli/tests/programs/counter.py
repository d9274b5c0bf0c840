def counter(limit):
    total = 0
    while total < limit:
        step = yield total
        total += step if step is not None else 1
    return total


def main():
    g = counter(100)
    print("start")
    v = next(g)
    for i in range(4):
        v = g.send(i + 1)
        print("got", v)


main()
