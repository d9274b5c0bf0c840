import time

t1 = time.time()
t2 = time.time()
print(type(t1).__name__, t2 >= t1, t1 > 1600000000)
m1 = time.monotonic()
m2 = time.monotonic()
print(m2 >= m1)
p1 = time.perf_counter()
p2 = time.perf_counter()
print(p2 >= p1)
