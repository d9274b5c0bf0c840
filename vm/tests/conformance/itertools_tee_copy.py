# A tee iterator copied with copy.copy (or tee'd again) resumes from the
# same position, sharing the items already read.
import copy
import itertools

a, b = itertools.tee(iter(range(6)))
next(a)
next(a)
c = copy.copy(a)
print(next(a), next(c), next(b))
d, e = itertools.tee(c)
print(list(d), list(e), list(a))
