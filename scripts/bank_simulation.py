"""A minute-by-minute bank queue simulation driven by generators.

Customers arrive at random (``random.Random`` with a fixed seed), wait in
a single FIFO line and are served by tellers.  Each teller is a
generator: once per simulated minute the bank sends it either a new
customer (if it is idle and someone is waiting) or None, and the teller
answers with its status after working for that minute.  The arrival
process is a generator too, yielding the customers of each minute.

The same arrival stream is replayed against two and three tellers to
compare waiting times.
"""
from collections import deque
import random


class EndOfDay(Exception):
    """Thrown into a teller to make it hand in its report."""


class Customer:
    def __init__(self, cid, arrival, service):
        self.cid = cid
        self.arrival = arrival
        self.service = service
        self.start = None
        self.teller = None

    @property
    def wait(self):
        return self.start - self.arrival

    def __repr__(self):
        return f"C{self.cid:02d}"


def arrivals(seed, minutes, rate):
    """Yield (minute, [new customers]) for every minute of the day."""
    rng = random.Random(seed)
    cid = 0
    for minute in range(minutes):
        batch = []
        while rng.random() < rate and len(batch) < 3:
            cid += 1
            batch.append(Customer(cid, minute, rng.randint(2, 7)))
        yield minute, batch


def teller(name, log):
    customer = None
    remaining = 0
    served = 0
    busy_minutes = 0
    while True:
        try:
            offered = yield ("idle" if customer is None else "busy")
        except EndOfDay:
            break
        if customer is None and offered is not None:
            customer, remaining = offered, offered.service
            log.append(f"t={offered.start:2d} {name} starts {customer} "
                       f"(waited {customer.wait}, needs {customer.service})")
        if customer is not None:
            busy_minutes += 1
            remaining -= 1
            if remaining == 0:
                served += 1
                customer = None
    return name, served, busy_minutes


def simulate(num_tellers, seed, minutes=60, rate=0.45):
    log = []
    names = [f"T{i + 1}" for i in range(num_tellers)]
    tellers = {name: teller(name, log) for name in names}
    status = {name: next(gen) for name, gen in tellers.items()}
    line = deque()
    done = []
    longest = 0
    minute = 0
    stream = arrivals(seed, minutes, rate)
    while True:
        batch = next(stream, None)
        if batch is not None:
            minute, new = batch
            line.extend(new)
        elif not line and all(s == "idle" for s in status.values()):
            break
        else:
            minute += 1            # doors closed, finish the line
        longest = max(longest, len(line))
        for name in names:
            offer = None
            if status[name] == "idle" and line:
                offer = line.popleft()
                offer.start = minute
                offer.teller = name
                done.append(offer)
            status[name] = tellers[name].send(offer)
    reports = []
    for name in names:
        try:
            tellers[name].throw(EndOfDay)
        except StopIteration as stop:
            reports.append(stop.value)
    return done, reports, longest, minute + 1, log


def summarize(num_tellers, seed):
    done, reports, longest, closing, log = simulate(num_tellers, seed)
    waits = [c.wait for c in done]
    print(f"--- {num_tellers} tellers: {len(done)} customers, last one leaves at t={closing}")
    print(f"    mean wait {sum(waits) / len(waits):.2f} min, max wait {max(waits)}, "
          f"longest line {longest}")
    for name, served, busy in reports:
        print(f"    {name}: served {served:2d}, busy {busy:3d} min ({100 * busy / closing:5.1f}%)")
    buckets = {}
    for c in done:
        key = min(c.wait // 5, 3)
        buckets[key] = buckets.get(key, 0) + 1
    labels = ["0-4", "5-9", "10-14", "15+"]
    hist = "  ".join(f"{labels[k]}: {'#' * n}" for k, n in sorted(buckets.items()))
    print(f"    waits {hist}")
    return log


if __name__ == "__main__":
    log = summarize(2, seed=1234)
    print("first 20 service starts with 2 tellers:")
    for entry in log[:20]:
        print("  " + entry)
    summarize(3, seed=1234)
    summarize(4, seed=1234)
