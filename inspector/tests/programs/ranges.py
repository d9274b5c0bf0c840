def walk(r):
    it = iter(r)
    for x in it:
        yield x - r.start, it


def main():
    big = range(2**64, 2**64 + 5)
    wide = range(-2**63, 2**63 - 1)
    rev = reversed(range(-2**70, 2**70, 3**40))
    for off, it in walk(big):
        print(off, next(rev), wide[-1 - off], big[::-1][off], it)
    print(big, wide[::-1], next(rev), list(it))


if __name__ == "__main__":
    main()
