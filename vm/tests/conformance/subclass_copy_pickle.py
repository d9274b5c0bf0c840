import copy, pickle
class L(list):
    pass
l = L([1, [2]])
l.tag = 't'
c = copy.copy(l)
c.append(3)
print(l, c, type(c).__name__, c.tag)
d = copy.deepcopy(l)
d[1].append(9)
print(l, d, type(d).__name__, d.tag)
try:
    r = pickle.loads(pickle.dumps(l))
    print(r, type(r).__name__, r.tag)
except Exception as e:
    print(type(e).__name__, e)
