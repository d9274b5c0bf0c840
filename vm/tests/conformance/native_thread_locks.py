# _thread in one thread: lock, RLock, get_ident, _local, TIMEOUT_MAX, error
import _thread

lock = _thread.allocate_lock()
print(type(lock).__name__, _thread.LockType is type(lock), lock)
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0), lock)
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with lock:
    print("inside", lock.locked())
print("after", lock.locked())
for args in [(False, 1), (True, -2)]:
    try:
        lock.acquire(*args)
    except ValueError as e:
        print("ValueError:", e)

r = _thread.RLock()
print(r.acquire(), r.acquire(), r._is_owned())
r.release()
r.release()
print(r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with r:
    with r:
        print("nested")

print(_thread.get_ident() == _thread.get_ident(), isinstance(_thread.get_ident(), int))
print(_thread.TIMEOUT_MAX, _thread.error is RuntimeError, _thread._count())
loc = _thread._local()
loc.x = 5
print(loc.x, type(loc).__name__)
print(_thread.stack_size())
