# _random.Random: CPython's Mersenne Twister, seeded the same way
import _random

r = _random.Random(5)
print(r.random(), r.random(), r.getrandbits(10), r.getrandbits(70))
r.seed(12345)
a = r.random()
state = r.getstate()
b = r.random()
r.setstate(state)
print(a, b == r.random())
