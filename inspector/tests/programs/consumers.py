# Every way a built-in or a syntax form consumes a generator. Each form gets a
# fresh generator; the program counts the yields each one made and prints
# the counts in order, so the recording can be compared with them.
import collections
import functools
import heapq
import itertools

made = []


def gen(n, kind="int"):
    made.append(0)
    for i in range(n):
        made[-1] += 1
        if kind == "pair":
            yield ("k%d" % i, i)
        elif kind == "str":
            yield str(i)
        elif kind == "zero":
            yield 0
        elif kind == "one":
            yield 1
        elif kind == "obj":
            yield [i, [i]]
        else:
            yield i


def f(*args):
    return len(args)


sink = []
sink.append(list(gen(3)))
sink.append(set(gen(3)))
sink.append(sorted(gen(3)))
sink.append(max(gen(3)))
sink.append(min(gen(3)))
sink.append(sum(gen(3)))
sink.append(any(gen(3, "zero")))
sink.append(all(gen(3, "one")))
sink.append(dict(gen(3, "pair")))
print(*gen(3))
sink.append([*gen(3)])
sink.append((*gen(3),))
sink.append({*gen(3)})
a, b, c = gen(3)
first, *rest = gen(4)
sink.append(f(*gen(3)))
sink.append(collections.Counter(gen(3)))
sink.append(heapq.nlargest(2, gen(5)))
sink.append(",".join(gen(3, "str")))
sink.append(tuple(gen(3)))
sink.append(bytes(gen(3)))
sink.append(bytearray(gen(3)))
sink.append(frozenset(gen(3)))
sink.append(list(enumerate(gen(3))))
sink.append(list(zip(gen(3), "abc")))
sink.append(list(map(str, gen(3))))
sink.append(list(filter(None, gen(3))))
sink.append(sorted(gen(3), key=lambda x: -x))
sink.append(max(gen(3), key=lambda x: -x))
sink.append(functools.reduce(lambda x, y: x + y, gen(3)))
sink.append(collections.deque(gen(3)))
sink.append(list(itertools.chain(gen(2), gen(2))))
sink.append(list(itertools.islice(gen(5), 5)))
sink.append(dict.fromkeys(gen(3)))
xs = []
xs.extend(gen(3))
s = set()
s.update(gen(3))
d = {}
d.update(gen(3, "pair"))
sink.append(3 in gen(5))
sink.append([x for x in gen(3)])
sink.append(list(gen(3, "obj")))
sink.append(dict(enumerate(gen(3, "obj"))))
for x in gen(3):
    pass
print(" ".join(str(m) for m in made))
