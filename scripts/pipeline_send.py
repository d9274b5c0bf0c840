"""A push-based processing pipeline built from coroutines.

Data flows by ``send()``: a producer pushes sensor readings into the first
stage, each stage transforms or filters them and pushes results onward,
and a sink at the end accumulates everything it receives.  Every
coroutine is primed (advanced to its first ``yield``) by a decorator
before use, and ``close()`` at the end propagates through the stages via
``GeneratorExit`` handlers so that each stage can flush its state.
"""
import functools
import random


def primed(func):
    """Decorator: create the coroutine and advance it to the first yield."""
    def start(*args, **kwargs):
        coro = func(*args, **kwargs)
        next(coro)
        return coro
    return start


class Reading:
    def __init__(self, sensor, seq, value):
        self.sensor = sensor
        self.seq = seq
        self.value = value

    def __repr__(self):
        return f"Reading({self.sensor}#{self.seq}={self.value:.1f})"


@primed
def parse(target):
    """Receive raw 'sensor:value' strings, send Reading objects."""
    seq = 0
    try:
        while True:
            line = yield
            name, _, raw = line.partition(":")
            try:
                value = float(raw)
            except ValueError:
                print(f"  parse: dropping malformed {line!r}")
                continue
            seq += 1
            target.send(Reading(name, seq, value))
    except GeneratorExit:
        print(f"  parse: closing after {seq} readings")
        target.close()


@primed
def drop_outliers(target, low, high):
    dropped = 0
    try:
        while True:
            reading = yield
            if low <= reading.value <= high:
                target.send(reading)
            else:
                dropped += 1
                print(f"  filter: outlier {reading}")
    except GeneratorExit:
        print(f"  filter: closing, {dropped} outliers dropped")
        target.close()


@primed
def smooth(target, window):
    """Moving average per sensor over the last `window` readings."""
    history = {}
    try:
        while True:
            reading = yield
            values = history.setdefault(reading.sensor, [])
            values.append(reading.value)
            if len(values) > window:
                values.pop(0)
            avg = sum(values) / len(values)
            target.send((reading.sensor, reading.seq, avg))
    except GeneratorExit:
        print(f"  smooth: closing with {len(history)} sensors")
        target.close()


@primed
def sink(results):
    """Accumulate into `results`; also reply with the running count."""
    count = 0
    try:
        while True:
            item = yield count
            results.append(item)
            count += 1
    except GeneratorExit:
        print(f"  sink: closing after {count} items")


@primed
def broadcast(targets):
    """Fan out every item to several downstream coroutines."""
    try:
        while True:
            item = yield
            for target in targets:
                target.send(item)
    except GeneratorExit:
        print(f"  broadcast: closing {len(targets)} targets")
        for target in targets:
            target.close()


@primed
def alert(limit):
    """Report when a sensor's smoothed value rises above or falls below `limit`."""
    above = {}
    alerts = 0
    try:
        while True:
            name, seq, avg = yield
            was_above = above.get(name, False)
            now_above = avg > limit
            if now_above != was_above:
                alerts += 1
                word = "above" if now_above else "back below"
                print(f"  alert: {name} #{seq} {word} {limit} ({avg:.2f})")
            above[name] = now_above
    except GeneratorExit:
        print(f"  alert: closing after {alerts} alerts")


def produce(rng, n):
    sensors = ["north", "south", "east"]
    base = {"north": 20.0, "south": 24.0, "east": 18.0}
    for i in range(n):
        name = sensors[i % len(sensors)]
        if i in (7, 19):
            yield f"{name}:n/a"
            continue
        value = base[name] + rng.uniform(-2.0, 2.0)
        if rng.random() < 0.08:
            value += 40.0
        yield f"{name}:{value:.2f}"


def main():
    rng = random.Random(31)
    results = []
    out = sink(results)
    head = parse(drop_outliers(smooth(broadcast([out, alert(19.0)]), window=3), low=0.0, high=45.0))
    print("pushing 36 raw lines")
    for line in produce(rng, 36):
        head.send(line)
    head.close()
    print(f"sink received {len(results)} items")

    print("smoothed values per sensor:")
    by_sensor = {}
    for name, seq, avg in results:
        by_sensor.setdefault(name, []).append(f"{avg:5.2f}")
    for name in sorted(by_sensor):
        print(f"  {name:>5}: {' '.join(by_sensor[name])}")

    overall = functools.reduce(lambda acc, item: acc + item[2], results, 0.0)
    print(f"overall mean of smoothed values: {overall / len(results):.3f}")

    # The sink also talks back: send() returns what the coroutine yields next.
    counts = []
    solo = sink([])
    for word in ["a", "b", "c"]:
        counts.append(solo.send(word))
    solo.close()
    print(f"direct sends returned counts {counts}")


if __name__ == "__main__":
    main()
