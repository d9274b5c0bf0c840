"""CPython twin of clonify.py: the solver as an object with explicit state,
cloned with copy.deepcopy; prints exactly what clonify.py prints."""
import copy

builds = 0


def build_table(limit):
    global builds
    builds += 1
    sieve = [True] * (limit + 1)
    sieve[0] = sieve[1] = False
    for i in range(2, int(limit ** 0.5) + 1):
        if sieve[i]:
            for j in range(i * i, limit + 1, i):
                sieve[j] = False
    return [i for i, p in enumerate(sieve) if p]


class Solver:
    def __init__(self, limit):
        self.limit = limit
        self.primes = None
        self.asked = []

    def send(self, query):
        if self.primes is None:
            self.primes = build_table(self.limit)
            return f"ready: {len(self.primes)} primes below {self.limit}"
        self.asked.append(query)
        below = [p for p in self.primes if p < query]
        return f"{query}: {len(below)} primes below, largest {below[-1] if below else None}, asked {self.asked}"


base = Solver(5000)
print(base.send(None))
clones = [copy.deepcopy(base) for _ in range(3)]
for clone, queries in zip(clones, ([10, 100], [1000], [4999, 2, 3])):
    for q in queries:
        print(clone.send(q))
print(base.send(50))
print("tables built:", builds)
