"""Benchmark: a long chain of generator stages over 2.8 million items.

Every item passes through seven pull-based generator frames (source,
map, filter, windowed pairs, running accumulation, batching, flattening),
so the cost is dominated by generator resumption and suspension.
"""
import itertools

N = 2_800_000
MOD = 1_000_003


def source(n):
    i = 0
    while i < n:
        yield i
        i += 1


def scale(items, factor):
    for x in items:
        yield (x * factor) % MOD


def keep_odd(items):
    for x in items:
        if x & 1:
            yield x


def pairs(items):
    prev = None
    for x in items:
        if prev is not None:
            yield prev, x
        prev = x


def diffs(pairs_in):
    for a, b in pairs_in:
        yield b - a if b >= a else a - b


def batches(items, size):
    batch = []
    for x in items:
        batch.append(x)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def flatten(groups):
    for group in groups:
        yield from group


def main():
    stream = flatten(batches(diffs(pairs(keep_odd(scale(source(N), 7919)))), 64))
    count = 0
    total = 0
    checksum = 0
    for x in stream:
        count += 1
        total += x
        checksum = (checksum * 31 + x) & 0xFFFFFFFF
    print(f"items: {count}")
    print(f"sum: {total}")
    print(f"checksum: {checksum:08x}")
    head = list(itertools.islice(scale(source(N), 7919), 5))
    print(f"head: {head}")


if __name__ == "__main__":
    main()
