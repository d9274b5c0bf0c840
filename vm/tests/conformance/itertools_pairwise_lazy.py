# pairwise and compress read their inputs lazily: they work on endless
# iterators and interleave with the producer's output.
import itertools


def noisy(n):
    for i in range(n):
        print("make", i)
        yield i


p = itertools.pairwise(itertools.count())
print(next(p), next(p))
for pair in itertools.pairwise(noisy(3)):
    print(pair)
print(list(itertools.pairwise([1])), list(itertools.pairwise([])))
c = itertools.compress(itertools.count(), itertools.cycle([1, 0, 0]))
print(next(c), next(c), next(c))
print(list(itertools.compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(itertools.compress(noisy(4), [0, 1])))
