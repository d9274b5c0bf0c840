# Unbound deque methods called on something else raise TypeError, not a crash.
import collections
for f in [collections.deque.append, collections.deque.pop, collections.deque.rotate, collections.deque.copy]:
    try:
        f([], 1)
    except TypeError as e:
        print(e)
