# _collections (deque, defaultdict) and _weakref (ref, proxy)
import _collections
import _weakref

d = _collections.deque([1, 2, 3], maxlen=3)
d.append(4)
print(d, d.maxlen)
dd = _collections.defaultdict(list)
dd["a"].append(1)
print(dict(dd))

class Node:
    pass

n = Node()
r = _weakref.ref(n)
p = _weakref.proxy(n)
n.value = 5
print(r() is n, p.value, type(r).__name__)
del n
print(r())
