import _introspect as _i


class ReferenceError(Exception):
    __module__ = "builtins"


class _Fire:
    # Kept by the weak table until the referent is freed; then released,
    # and this finalizer calls the callback with the weak reference, if that
    # is still alive (it is held weakly, as CPython does).
    def __init__(self, callback, wr):
        self.callback = callback
        self.wr = _i._weak_new(wr, None)

    def __del__(self):
        cb = self.callback
        if cb is None:
            return
        self.callback = None
        wr = _i._weak_get(self.wr)
        if wr is None:
            return
        try:
            cb(wr)
        except BaseException as e:
            _i._report_ignored(cb, e)


def _register(obj, callback, owner):
    if callback is None:
        return _i._weak_new(obj, None)
    fire = _Fire(callback, owner)
    try:
        return _i._weak_new(obj, fire)
    except TypeError:
        fire.callback = None
        raise


class ReferenceType:
    def __init__(self, obj, callback=None, /):
        self._ys_h = -1
        self._ys_h = _register(obj, callback, self)
        self.__callback__ = callback

    def __call__(self):
        return _i._weak_get(self._ys_h)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a, b = self(), other()
        if a is None or b is None:
            return self is other
        return a == b

    def __hash__(self):
        o = self()
        if o is None:
            raise TypeError("weak object has gone away")
        return hash(o)

    def __repr__(self):
        o = self()
        if o is None:
            return "<weakref at %s; dead>" % hex(id(self))
        return "<weakref at %s; to '%s' at %s>" % (
            hex(id(self)), type(o).__name__, hex(id(o)))


ref = ReferenceType


class ProxyType:
    def __init__(self, obj, callback=None, /):
        self._ys_h = -1
        self._ys_h = _register(obj, callback, self)

    def _ys_get(self):
        o = _i._weak_get(self._ys_h)
        if o is None:
            raise ReferenceError("weakly-referenced object no longer exists")
        return o

    def __getattr__(self, name):
        return getattr(self._ys_get(), name)

    def __call__(self, *args, **kwargs):
        return self._ys_get()(*args, **kwargs)

    def __str__(self):
        return str(self._ys_get())

    def __len__(self):
        return len(self._ys_get())

    def __iter__(self):
        return iter(self._ys_get())

    def __getitem__(self, key):
        return self._ys_get()[key]

    def __eq__(self, other):
        return self._ys_get() == other

    def __repr__(self):
        o = _i._weak_get(self._ys_h)
        if o is None:
            return "<weakproxy at %s; dead>" % hex(id(self))
        return "<weakproxy at %s; to '%s' at %s>" % (
            hex(id(self)), type(o).__name__, hex(id(o)))


def proxy(obj, callback=None, /):
    return ProxyType(obj, callback)


def getweakrefcount(obj):
    return 0
