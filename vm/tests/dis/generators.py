def numbers(limit):
    i = 0
    while i < limit:
        got = yield i
        if got is not None:
            i = got
        i += 1
    return "done"


def both(limit):
    result = yield from numbers(limit)
    yield result


evens = [n for n in numbers(10) if n % 2 == 0]
pairs = {k: v for k, v in zip("ab", (1, 2))}
total = sum(n * n for n in numbers(4))
