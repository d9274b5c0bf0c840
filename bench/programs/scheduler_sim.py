"""Benchmark: a round-robin scheduler running thousands of generator tasks.

Tasks are generators that yield requests to the scheduler: None (yield
the processor), ("sleep", ticks), ("send", mailbox, value) or
("recv", mailbox).  The scheduler keeps a deque run queue, per-tick
buckets of sleeping tasks and a dict of mailboxes with waiting
receivers.  Producer tasks feed consumer tasks through mailboxes while
CPU-bound worker tasks and sleepers interleave with them.
"""
from collections import deque, defaultdict

WORKERS = 5000
PAIRS = 800
MESSAGES = 160


class Scheduler:
    def __init__(self):
        self.ready = deque()
        self.sleepers = defaultdict(list)
        self.mailboxes = defaultdict(deque)
        self.receivers = {}
        self.clock = 0
        self.switches = 0
        self.finished = 0
        self.result_hash = 0

    def spawn(self, gen):
        self.ready.append((gen, None))

    def run(self):
        ready = self.ready
        while ready or self.sleepers or self.receivers:
            if not ready:
                if not self.sleepers:
                    raise RuntimeError("deadlock: receivers waiting, nothing runnable")
                self.clock = min(self.sleepers)
            for gen in self.sleepers.pop(self.clock, ()):
                ready.append((gen, None))
            for _ in range(len(ready)):
                gen, reply = ready.popleft()
                self.step(gen, reply)
            self.clock += 1

    def step(self, gen, reply):
        self.switches += 1
        try:
            request = gen.send(reply)
        except StopIteration as stop:
            self.finished += 1
            self.result_hash = (self.result_hash * 31 + (stop.value or 0)) & 0xFFFFFFFF
            return
        if request is None:
            self.ready.append((gen, None))
            return
        kind = request[0]
        if kind == "sleep":
            self.sleepers[self.clock + request[1]].append(gen)
        elif kind == "send":
            box = request[1]
            waiting = self.receivers.pop(box, None)
            if waiting is not None:
                self.ready.append((waiting, request[2]))
            else:
                self.mailboxes[box].append(request[2])
            self.ready.append((gen, True))
        elif kind == "recv":
            box = request[1]
            queue = self.mailboxes.get(box)
            if queue:
                self.ready.append((gen, queue.popleft()))
            else:
                self.receivers[box] = gen
        else:
            raise ValueError(f"bad request {request!r}")


def worker(seed, steps):
    x = seed
    for i in range(steps):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        if x & 3 == 0:
            yield ("sleep", 1 + (x >> 8) % 3)
        else:
            yield
    return x


def producer(box, count, seed):
    value = seed
    for _ in range(count):
        value = (value * 48271) % 2147483647
        yield ("send", box, value)
        if value & 1:
            yield
    yield ("send", box, -1)
    return count


def consumer(box):
    total = 0
    received = 0
    while True:
        value = yield ("recv", box)
        if value == -1:
            return (total + received) & 0xFFFFFFFF
        total += value
        received += 1


def main():
    sched = Scheduler()
    for i in range(WORKERS):
        sched.spawn(worker(i + 1, 180 + i % 23))
    for p in range(PAIRS):
        box = f"box{p}"
        sched.spawn(consumer(box))
        sched.spawn(producer(box, MESSAGES + p % 7, p + 1))
    sched.run()
    print(f"tasks finished: {sched.finished}, final clock: {sched.clock}")
    print(f"context switches: {sched.switches}")
    print(f"result hash: {sched.result_hash:08x}")


if __name__ == "__main__":
    main()
