import time

start = time.monotonic()
time.sleep(0.01)
print(time.monotonic() - start >= 0.009)
print(time.sleep(0))
try:
    time.sleep(-1)
except ValueError as e:
    print(e)
