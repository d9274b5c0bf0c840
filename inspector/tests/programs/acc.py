def acc():
    total = 0
    items = []
    while True:
        x = yield total
        if x is None:
            break
        total += x
        items.append(x)
    return total

def main():
    g = acc()
    next(g)
    for v in [1, 2, 3]:
        print("sent", v, "got", g.send(v))
    try:
        g.send(None)
    except StopIteration as e:
        print("done", e.value)

if __name__ == "__main__":
    main()
