import time

a = time.time_ns()
b = time.monotonic_ns()
c = time.perf_counter_ns()
print(type(a).__name__, type(b).__name__, type(c).__name__)
print(a > 1600000000 * 10**9, time.monotonic_ns() >= b)
