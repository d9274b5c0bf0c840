# Every built-in iterator has __next__ and __iter__ returning itself.
import itertools

its = [iter([1, 2]), iter((1, 2)), iter({1: 2}), iter(range(3)), iter("ab"), iter({5}),
       map(str, [1]), zip([1], [2]), enumerate("x"), filter(None, [0, 1]), reversed([1, 2]),
       iter({1: 2}.items()), itertools.count(), itertools.chain([1], [2]), (x for x in [7])]
for it in its:
    print(it.__iter__() is it, it.__next__())
it = iter([])
try:
    it.__next__()
except StopIteration:
    print("StopIteration")
