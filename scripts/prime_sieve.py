"""Lazy prime number pipelines.

Three ways to produce primes from infinite generators:

  * trial division against the primes found so far,
  * an incremental Sieve of Eratosthenes that keeps a dict of the next
    composite for each prime and never needs an upper bound,
  * the classic (and slow) chain of nested filter generators, one per
    prime, which makes a nice deep stack of suspended frames.

The streams are combined with ``itertools`` (islice, takewhile, count,
pairwise-style zips) to answer a few questions about primes.
"""
import itertools
import math


def trial_division():
    found = []
    for n in itertools.count(2):
        limit = math.isqrt(n)
        if all(n % p for p in itertools.takewhile(lambda p: p <= limit, found)):
            found.append(n)
            yield n


def incremental_sieve():
    """Sieve of Eratosthenes without a bound: composites map to a prime factor."""
    yield 2
    composites = {}
    for n in itertools.count(3, 2):
        step = composites.pop(n, None)
        if step is None:
            composites[n * n] = 2 * n
            yield n
        else:
            nxt = n + step
            while nxt in composites:
                nxt += step
            composites[nxt] = step


def naturals(start):
    n = start
    while True:
        yield n
        n += 1


def drop_multiples(numbers, p):
    for n in numbers:
        if n % p:
            yield n


def filter_chain():
    numbers = naturals(2)
    while True:
        p = next(numbers)
        yield p
        numbers = drop_multiples(numbers, p)


def pairs(iterable):
    a, b = itertools.tee(iterable)
    next(b, None)
    return zip(a, b)


def goldbach(n, primes):
    for p in primes:
        if p > n // 2:
            return None
        if n - p in primes:
            return p, n - p
    return None


def main():
    first = list(itertools.islice(trial_division(), 15))
    print(f"first 15 (trial division): {first}")
    sieve = list(itertools.islice(incremental_sieve(), 15))
    print(f"first 15 (sieve):          {sieve}")
    chain = list(itertools.islice(filter_chain(), 15))
    print(f"first 15 (filter chain):   {chain}")
    print(f"all agree: {first == sieve == chain}")

    below = list(itertools.takewhile(lambda p: p < 2000, incremental_sieve()))
    print(f"primes below 2000: {len(below)}, largest {below[-1]}, sum {sum(below)}")
    print(f"1000th prime: {next(itertools.islice(incremental_sieve(), 999, None))}")

    twins = ((a, b) for a, b in pairs(incremental_sieve()) if b - a == 2)
    print(f"first 8 twin primes: {list(itertools.islice(twins, 8))}")

    record = 0
    print("record prime gaps:")
    for a, b in pairs(itertools.takewhile(lambda p: p < 20000, incremental_sieve())):
        if b - a > record:
            record = b - a
            print(f"  gap {record:3d} after {a}")

    prime_set = set(below)
    print("Goldbach decompositions:")
    for n in range(100, 1001, 150):
        p, q = goldbach(n, below)
        ways = sum(1 for p2 in below if p2 <= n // 2 and n - p2 in prime_set)
        print(f"  {n:4d} = {p:3d} + {q:4d}   ({ways} ways)")

    by_last_digit = {}
    for p in below:
        by_last_digit[p % 10] = by_last_digit.get(p % 10, 0) + 1
    print(f"last digits of primes < 2000: {sorted(by_last_digit.items())}")


if __name__ == "__main__":
    main()
