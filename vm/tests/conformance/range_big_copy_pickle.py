# copy, deepcopy and pickle of ranges beyond 64 bits and of their iterators.
import copy
import pickle

r = range(-2**70, 2**70, 3**40)
print(copy.copy(r) is r, copy.deepcopy(r) is r, copy.deepcopy([r, r])[0] == r)
print(pickle.loads(pickle.dumps(r)) == r, pickle.loads(pickle.dumps(r)))
print(pickle.loads(pickle.dumps([range(2**64), range(-2**63, 2**63 - 1)])))

it = iter(range(2**64, 2**64 + 5))
print(next(it))
twin = copy.deepcopy(it)
print(next(twin), next(twin), next(it))
again = pickle.loads(pickle.dumps(it))
print(list(again), list(it), list(twin))
back = reversed(range(2**64, 2**64 + 4))
next(back)
print(list(copy.copy(back)), list(back))
near = iter(range(0, 2**63 - 1, 2**62))
next(near)
print(list(pickle.loads(pickle.dumps(near))), list(near))
