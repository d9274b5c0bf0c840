# cpython-twin: helper_clonify_twin.py
"""Clone a generator after an expensive computation, then send each clone
something different.

``solver`` builds a table of primes (the expensive part) and then answers
queries sent to it.  It is cloned with ``copy.deepcopy`` once the table is
built; every clone answers its own queries from its own copy of the
table, and the table is computed once.  ``itertools.tee`` cannot do this:
its copies do not forward ``send``.  CPython cannot copy the generator, so
``helper_clonify_twin.py`` does the same with an explicit object.
"""
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


def solver(limit):
    primes = build_table(limit)
    asked = []
    query = yield f"ready: {len(primes)} primes below {limit}"
    while query is not None:
        asked.append(query)
        below = [p for p in primes if p < query]
        query = yield f"{query}: {len(below)} primes below, largest {below[-1] if below else None}, asked {asked}"
    return asked


base = solver(5000)
print(next(base))
clones = [copy.deepcopy(base) for _ in range(3)]
for clone, queries in zip(clones, ([10, 100], [1000], [4999, 2, 3])):
    for q in queries:
        print(clone.send(q))
print(base.send(50))
print("tables built:", builds)
