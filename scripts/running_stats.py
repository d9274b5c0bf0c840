"""Running statistics computed by coroutines.

``running_stats()`` receives numbers through ``send()`` and answers each
one with a snapshot of the count, mean, variance, minimum and maximum so
far, using Welford's online algorithm so no history is kept.  Sending a
``Reset`` exception in with ``throw()`` clears the state without
creating a new coroutine.  A second coroutine keeps an exponentially
weighted moving average, and a third one flags values that are more
than three standard deviations away from the running mean, driving a
private ``running_stats`` coroutine of its own.
"""
import math
import random


class Reset(Exception):
    """Thrown into a stats coroutine to restart accumulation."""


class Snapshot:
    def __init__(self, n, mean, m2, low, high):
        self.n = n
        self.mean = mean
        self.variance = m2 / (n - 1) if n > 1 else 0.0
        self.low = low
        self.high = high

    @property
    def stdev(self):
        return math.sqrt(self.variance)

    def __repr__(self):
        return (f"n={self.n:2d} mean={self.mean:7.3f} sd={self.stdev:6.3f} "
                f"range=[{self.low:.2f}, {self.high:.2f}]")


def running_stats():
    n, mean, m2 = 0, 0.0, 0.0
    low = high = None
    snapshot = None
    while True:
        try:
            x = yield snapshot
        except Reset:
            n, mean, m2 = 0, 0.0, 0.0
            low = high = None
            snapshot = None
            continue
        n += 1
        delta = x - mean
        mean += delta / n
        m2 += delta * (x - mean)
        low = x if low is None else min(low, x)
        high = x if high is None else max(high, x)
        snapshot = Snapshot(n, mean, m2, low, high)


def ewma(alpha):
    average = None
    while True:
        x = yield average
        average = x if average is None else alpha * x + (1 - alpha) * average


def outliers(limit):
    """Yield a verdict for each value, judged against the values before it."""
    stats = running_stats()
    prev = next(stats)
    verdict = None
    while True:
        x = yield verdict
        verdict = "ok"
        if prev is not None and prev.n >= 8 and abs(x - prev.mean) > limit * prev.stdev:
            verdict = f"outlier ({(x - prev.mean) / prev.stdev:+.1f} sd), reset"
            stats.throw(Reset)          # start over after a regime change
        prev = stats.send(x)


def samples(rng, n):
    for i in range(n):
        level = 20.0 if i < 14 else 35.0
        yield round(level + 3.0 * math.sin(i / 2.0) + rng.uniform(-1.5, 1.5), 2)


def main():
    rng = random.Random(8)
    data = list(samples(rng, 24))
    stats = running_stats()
    smooth = ewma(0.3)
    detector = outliers(3.0)
    for coro in (stats, smooth, detector):
        next(coro)

    print(" x      | running statistics                           | ewma   | check")
    for x in data:
        snap = stats.send(x)
        avg = smooth.send(x)
        verdict = detector.send(x)
        print(f"{x:7.2f} | {snap!r} | {avg:6.2f} | {verdict}")

    print("after throw(Reset):")
    stats.throw(Reset)
    for x in (1.0, 2.0, 3.0, 4.0):
        print(f"  send({x}) -> {stats.send(x)!r}")

    stats.close()
    try:
        stats.send(5.0)
    except StopIteration:
        print("sending to a closed coroutine raises StopIteration")

    exact_mean = sum(data) / len(data)
    exact_var = sum((x - exact_mean) ** 2 for x in data) / (len(data) - 1)
    print(f"batch check: mean={exact_mean:.3f} sd={math.sqrt(exact_var):.3f}")


if __name__ == "__main__":
    main()
