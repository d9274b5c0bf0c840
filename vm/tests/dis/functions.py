def add(a, b=2, *rest, scale=1, **opts):
    """Adds."""
    total = (a + b) * scale
    for r in rest:
        total += r
    return total


def counter(start):
    n = start

    def bump(by=1):
        nonlocal n
        n += by
        return n

    return bump


print(add(1, 2, 3, scale=2, extra=None), counter(5)())
square = lambda v: v ** 2
