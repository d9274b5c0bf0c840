"""A cooperative round-robin scheduler for generator tasks.

Tasks are plain generators.  A task gives up the processor by yielding a
request object to the scheduler:

    yield             -> just let others run (back of the run queue)
    yield Sleep(n)    -> wake up again after n clock ticks
    yield Spawn(name, gen) -> start a new task; its id is sent back
    yield GetTime()   -> the current clock tick is sent back
    yield Join(tid)   -> wait until task `tid` finishes; its return value
                         is sent back

The scheduler keeps a deque as its run queue, a list of sleepers sorted
by wake-up tick, and a table of tasks waiting on other tasks.  The
clock advances one tick per round of the run queue, or jumps forward
when every task is asleep.
"""
from collections import deque


class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks


class Spawn:
    def __init__(self, name, gen):
        self.name = name
        self.gen = gen


class GetTime:
    pass


class Join:
    def __init__(self, tid):
        self.tid = tid


class Task:
    next_id = 1

    def __init__(self, name, gen):
        self.tid = Task.next_id
        Task.next_id += 1
        self.name = name
        self.gen = gen
        self.reply = None
        self.steps = 0

    def __repr__(self):
        return f"<{self.name}#{self.tid}>"


class Scheduler:
    def __init__(self):
        self.ready = deque()
        self.sleeping = []          # (wake_tick, seq, task)
        self.waiting = {}           # tid -> [tasks joined on it]
        self.results = {}
        self.tasks = {}
        self.clock = 0
        self.seq = 0

    def spawn(self, name, gen):
        task = Task(name, gen)
        self.tasks[task.tid] = task
        self.ready.append(task)
        return task.tid

    def log(self, task, message):
        print(f"[t={self.clock:2d}] {task.name:<9} {message}")

    def step(self, task):
        try:
            request = task.gen.send(task.reply)
            while isinstance(request, GetTime):     # answered without a task switch
                request = task.gen.send(self.clock)
        except StopIteration as stop:
            self.results[task.tid] = stop.value
            del self.tasks[task.tid]
            self.log(task, f"finished -> {stop.value!r}")
            for waiter in self.waiting.pop(task.tid, []):
                waiter.reply = stop.value
                self.ready.append(waiter)
            return
        task.steps += 1
        task.reply = None
        if request is None:
            self.ready.append(task)
        elif isinstance(request, Sleep):
            self.log(task, f"sleeps {request.ticks}")
            self.seq += 1
            self.sleeping.append((self.clock + request.ticks, self.seq, task))
            self.sleeping.sort(key=lambda entry: (entry[0], entry[1]))
        elif isinstance(request, Spawn):
            task.reply = self.spawn(request.name, request.gen)
            self.log(task, f"spawns {request.name} as #{task.reply}")
            self.ready.append(task)
        elif isinstance(request, Join):
            if request.tid in self.results:
                task.reply = self.results[request.tid]
                self.ready.append(task)
            else:
                self.log(task, f"waits for #{request.tid}")
                self.waiting.setdefault(request.tid, []).append(task)
        else:
            raise TypeError(f"{task} yielded unknown request {request!r}")

    def run(self):
        while self.ready or self.sleeping:
            if not self.ready:
                self.clock = self.sleeping[0][0]
            while self.sleeping and self.sleeping[0][0] <= self.clock:
                self.ready.append(self.sleeping.pop(0)[2])
            for _ in range(len(self.ready)):
                self.step(self.ready.popleft())
            self.clock += 1
        return self.results


def worker(name, jobs, cost):
    done = []
    for job in jobs:
        now = yield GetTime()
        print(f"[t={now:2d}] {name:<9} starts {job}")
        yield Sleep(cost)
        done.append(job.upper())
    return done


def counter(limit):
    total = 0
    for i in range(1, limit + 1):
        total += i
        yield
    return total


def coordinator():
    a = yield Spawn("alpha", worker("alpha", ["fetch", "parse"], 3))
    b = yield Spawn("beta", worker("beta", ["load", "index", "store"], 2))
    c = yield Spawn("counter", counter(4))
    first = yield Join(b)
    second = yield Join(a)
    third = yield Join(c)
    yield Sleep(1)
    return first + second + [third]


def heartbeat(beats, every):
    for n in range(beats):
        yield Sleep(every)
        now = yield GetTime()
        print(f"[t={now:2d}] heartbeat beat {n + 1}/{beats}")
    return beats


if __name__ == "__main__":
    sched = Scheduler()
    main_id = sched.spawn("main", coordinator())
    sched.spawn("heartbeat", heartbeat(4, 3))
    results = sched.run()
    print(f"clock stopped at t={sched.clock}")
    for tid in sorted(results):
        print(f"  task {tid}: {results[tid]!r}")
    print(f"coordinator result: {results[main_id]}")
