import weakref as _weakref


def tee(iterable, n=2):
    """`n` independent iterators over `iterable`, as CPython's: they share the
    items read so far. Over a generator they also take `send` and `throw`:
    the iterator that is sent to forks its own copy of the generator there
    (a deep copy, as `g.copy()` makes), so each one can be given a different
    value; the others go on with the original."""
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return ()
    it = iter(iterable)
    first = it if isinstance(it, _tee) else _tee(_TeeSource(it), _TeeLink())
    result = [first]
    for _ in range(n - 1):
        result.append(first.__copy__())
    return tuple(result)


class _TeeLink:
    """One item shared by the iterators of a tee; `next` stays None until an
    iterator reads past it. Items every iterator has passed are freed."""

    def __init__(self):
        self.value = None
        self.next = None


class _TeeSource:
    def __init__(self, it):
        self.it = it
        self.tees = []


class _tee:
    def __init__(self, source, link, own=None):
        self._source = source
        self._link = link
        self._own = own
        if source is not None:
            source.tees.append(_weakref.ref(self))

    def __iter__(self):
        return self

    def __next__(self):
        if self._own is not None:
            return next(self._own)
        link = self._link
        if link is None:
            raise StopIteration
        if link.next is None:
            value = next(self._source.it)
            link.value = value
            link.next = _TeeLink()
        self._link = link.next
        return link.value

    def __copy__(self):
        if self._own is not None:
            import copy

            return _tee(None, None, copy.deepcopy(self._own))
        return _tee(self._source, self._link)

    def send(self, value):
        if self._own is None:
            self._fork("send")
        return self._own.send(value)

    def throw(self, *args):
        if self._own is None:
            self._fork("throw")
        return self._own.throw(*args)

    def close(self):
        if self._own is not None:
            self._own.close()
        else:
            self._source = self._link = None

    def _fork(self, what):
        source = self._source
        it = None if source is None else source.it
        if not hasattr(it, what):
            raise AttributeError(f"'itertools._tee' object has no attribute '{what}'")
        if self._link.next is not None:
            raise ValueError(
                f"cannot {what} to a tee iterator that is behind the others: "
                "read the items they have read first"
            )
        others = [t for t in (w() for w in source.tees) if t is not None and t is not self]
        if others:
            import copy

            it = copy.deepcopy(it)
        self._own = it
        self._source = self._link = None


class pairwise:
    """Overlapping pairs of consecutive items, read lazily."""

    def __init__(self, iterable):
        self._it = iter(iterable)
        self._old = _MISSING

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        if self._old is _MISSING:
            try:
                self._old = next(it)
            except StopIteration:
                self._it = None
                raise
        try:
            new = next(it)
        except StopIteration:
            self._it = None
            self._old = _MISSING
            raise
        old = self._old
        self._old = new
        return (old, new)


class compress:
    """The items of `data` whose selector is true, read lazily."""

    def __init__(self, data, selectors):
        self._data = iter(data)
        self._selectors = iter(selectors)

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            datum = next(self._data)
            if next(self._selectors):
                return datum


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
