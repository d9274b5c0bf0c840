import gc


def worker(n):
    try:
        yield n
    finally:
        print("worker", n, "closed")


holder = [worker(1)]
holder.append(holder)
next(holder[0])
del holder
print("dropped")
gc.collect()
print("collected")
