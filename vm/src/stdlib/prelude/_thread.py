# _thread for a VM that runs one thread: locks that can be taken and given
# back, the thread's identity, thread-local data (plain attributes), and a
# clear error for starting a thread. A blocking acquire of a lock already
# held would wait forever (no other thread can release it), so it raises.

error = RuntimeError
TIMEOUT_MAX = 9223372036.0
_IDENT = 1


def _check_timeout(blocking, timeout):
    if not blocking and timeout != -1:
        raise ValueError("can't specify a timeout for a non-blocking call")
    if timeout < 0 and timeout != -1:
        raise ValueError("timeout value must be positive")
    if timeout > TIMEOUT_MAX:
        raise OverflowError("timeout value is too large")


def _deadlock():
    raise RuntimeError(
        "deadlock: this lock is held and no other thread exists to release it"
    )


class lock:
    __module__ = "_thread"

    def __init__(self):
        self._held = False

    def acquire(self, blocking=True, timeout=-1):
        _check_timeout(blocking, timeout)
        if not self._held:
            self._held = True
            return True
        if not blocking or timeout >= 0:
            return False
        _deadlock()

    acquire_lock = acquire

    def __enter__(self):
        return self.acquire()

    def release(self):
        if not self._held:
            raise RuntimeError("release unlocked lock")
        self._held = False

    release_lock = release

    def __exit__(self, *exc):
        self.release()

    def locked(self):
        return self._held

    locked_lock = locked

    def _at_fork_reinit(self):
        self._held = False

    def __repr__(self):
        state = "locked" if self._held else "unlocked"
        return "<%s _thread.lock object at %s>" % (state, hex(id(self)))


LockType = lock


def allocate_lock():
    return lock()


allocate = allocate_lock


class RLock:
    __module__ = "_thread"

    def __init__(self):
        self._owner = 0
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        _check_timeout(blocking, timeout)
        if self._count == 0 or self._owner == _IDENT:
            self._owner = _IDENT
            self._count += 1
            return True
        if not blocking or timeout >= 0:
            return False
        _deadlock()

    def __enter__(self):
        return self.acquire()

    def release(self):
        if self._count == 0 or self._owner != _IDENT:
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if self._count == 0:
            self._owner = 0

    def __exit__(self, *exc):
        self.release()

    def _is_owned(self):
        return self._count > 0 and self._owner == _IDENT

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        state = (self._count, self._owner)
        self._count = 0
        self._owner = 0
        return state

    def _acquire_restore(self, state):
        self._count, self._owner = state

    def _at_fork_reinit(self):
        self._owner = 0
        self._count = 0

    def __repr__(self):
        state = "locked" if self._count else "unlocked"
        return "<%s _thread.RLock object owner=%d count=%d at %s>" % (
            state, self._owner, self._count, hex(id(self)))


class _local:
    __module__ = "_thread"


def get_ident():
    return _IDENT


def get_native_id():
    return _IDENT


def _count():
    return 0


def daemon_threads_allowed():
    return True


def _set_sentinel():
    return lock()


def start_new_thread(function, args, kwargs=None):
    if not callable(function):
        raise TypeError("first arg must be callable")
    if not isinstance(args, tuple):
        raise TypeError("2nd arg must be a tuple")
    if kwargs is not None and not isinstance(kwargs, dict):
        raise TypeError("optional 3rd arg must be a dictionary")
    raise RuntimeError("can't start new thread: yieldscope runs a single thread")


start_new = start_new_thread


def stack_size(size=0):
    if size != 0 and size < 32768:
        raise ValueError("size not valid: %d bytes" % size)
    return 0


def exit():
    raise SystemExit


exit_thread = exit
