import threading

lock = threading.Lock()
with lock:
    print("locked", lock.locked())
print(lock.locked(), threading.current_thread().name)
r = threading.RLock()
with r:
    with r:
        print("reentrant")
ev = threading.Event()
ev.set()
print(ev.is_set())
