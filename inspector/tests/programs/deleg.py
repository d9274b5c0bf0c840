# Generators resumed and suspended through `yield from` chains, send,
# throw and close, so that frames move between the stack and the heap.
def leaf(n):
    total = 0
    for i in range(n):
        try:
            got = yield i
        except KeyError:
            got = -1
        total += got or 0
    return total


def mid(depth, n):
    if depth == 0:
        r = yield from leaf(n)
    else:
        r = yield from mid(depth - 1, n)
    yield r
    return r * 2


def pipeline(src):
    for x in src:
        yield x * 2


def main():
    g = mid(4, 6)
    out = [next(g)]
    for k in range(5):
        out.append(g.send(k))
    out.append(g.throw(KeyError))
    print(out)
    print(list(pipeline(mid(2, 3))))
    h = mid(3, 10)
    next(h)
    h.send(5)
    h.close()
    print(sum(pipeline(pipeline(leaf(7)))))


main()
