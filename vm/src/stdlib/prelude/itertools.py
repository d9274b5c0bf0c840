def tee(iterable, n=2):
    if n < 0:
        raise ValueError("n must be >= 0")
    source = iter(iterable)
    from collections import deque
    queues = [deque() for _ in range(n)]

    def follower(queue):
        while True:
            if not queue:
                try:
                    value = next(source)
                except StopIteration:
                    return
                for q in queues:
                    q.append(value)
            yield queue.popleft()

    return tuple(follower(q) for q in queues)


_MISSING = object()


class groupby:
    """Consecutive keys and groups from the iterable (lazy, as CPython's):
    each group reads from the shared iterator, and advancing the groupby
    ends the group handed out before."""

    def __init__(self, iterable, key=None):
        self._keyfunc = key
        self._it = iter(iterable)
        self._tgtkey = self._currkey = self._currvalue = _MISSING
        self._token = None

    def __iter__(self):
        return self

    def _step(self):
        value = next(self._it)
        key = value if self._keyfunc is None else self._keyfunc(value)
        self._currvalue = value
        self._currkey = key

    def __next__(self):
        self._token = None
        while True:
            if self._currkey is _MISSING:
                pass
            elif self._tgtkey is _MISSING:
                break
            elif not (self._tgtkey is self._currkey or self._tgtkey == self._currkey):
                break
            self._step()
        self._tgtkey = self._currkey
        token = self._token = object()
        return (self._currkey, _grouper(self, self._tgtkey, token))


class _grouper:
    def __init__(self, parent, tgtkey, token):
        self._parent = parent
        self._tgtkey = tgtkey
        self._token = token

    def __iter__(self):
        return self

    def __next__(self):
        parent = self._parent
        if parent._token is not self._token:
            raise StopIteration
        if parent._currvalue is _MISSING:
            parent._step()
        key = parent._currkey
        if not (self._tgtkey is key or self._tgtkey == key):
            raise StopIteration
        value = parent._currvalue
        parent._currvalue = _MISSING
        return value
