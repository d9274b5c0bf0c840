import _introspect as _i


ReferenceError = ReferenceError


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


def _check_args(name, args):
    if not args:
        raise TypeError("%s expected at least 1 argument, got 0" % name)
    if len(args) > 2:
        raise TypeError("%s expected at most 2 arguments, got %d" % (name, len(args)))
    return args[0], (args[1] if len(args) > 1 else None)


class ReferenceType:
    def __init__(self, *args):
        obj, callback = _check_args("__new__", args)
        self._ys_h = -1
        self._ys_h = _register(obj, callback, self)
        self.__callback__ = callback

    def __call__(self, *args):
        if args:
            raise TypeError("weakref expected 0 arguments, got %d" % len(args))
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
        # Computed once, while the referent lives, then kept (as CPython does).
        h = self.__dict__.get("_ys_hash")
        if h is None:
            o = self()
            if o is None:
                raise TypeError("weak object has gone away")
            h = self._ys_hash = hash(o)
        return h

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

    def __setattr__(self, name, value):
        if name.startswith("_ys_"):
            object.__setattr__(self, name, value)
        else:
            setattr(self._ys_get(), name, value)

    def __delattr__(self, name):
        delattr(self._ys_get(), name)

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


def proxy(*args):
    obj, callback = _check_args("proxy", args)
    return ProxyType(obj, callback)


def getweakrefcount(obj):
    return 0


class WeakValueDictionary:
    def __init__(self, other=(), /, **kw):
        self.data = {}
        self.update(other, **kw)

    def _remover(self, key):
        data = self.data

        def remove(wr):
            if data.get(key) is wr:
                del data[key]
        return remove

    def __setitem__(self, key, value):
        self.data[key] = ref(value, self._remover(key))

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        r = self.data.get(key)
        return r is not None and r() is not None

    def __len__(self):
        return sum(1 for r in self.data.values() if r() is not None)

    def get(self, key, default=None):
        r = self.data.get(key)
        if r is None:
            return default
        o = r()
        return default if o is None else o

    def pop(self, key, *default):
        r = self.data.pop(key, None)
        o = None if r is None else r()
        if o is None:
            if default:
                return default[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=(), /, **kw):
        items = other.items() if hasattr(other, "items") else other
        for k, v in items:
            self[k] = v
        for k, v in kw.items():
            self[k] = v

    def keys(self):
        return [k for k, r in list(self.data.items()) if r() is not None]

    def __iter__(self):
        return iter(self.keys())

    def values(self):
        return [o for o in (r() for r in list(self.data.values())) if o is not None]

    def items(self):
        out = []
        for k, r in list(self.data.items()):
            o = r()
            if o is not None:
                out.append((k, o))
        return out

    def copy(self):
        return WeakValueDictionary(self.items())

    def __repr__(self):
        return "<WeakValueDictionary at %s>" % hex(id(self))


class WeakKeyDictionary:
    def __init__(self, dict=None):
        self.data = {}
        if dict is not None:
            self.update(dict)

    def _remove(self, wr):
        # The key died: find its entry by identity of the weak reference.
        for k in list(self.data):
            if k is wr:
                del self.data[k]
                return

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def _find(self, key):
        for k in self.data:
            if k() is key or (k() is not None and k() == key):
                return k
        return None

    def __getitem__(self, key):
        k = self._find(key)
        if k is None:
            raise KeyError(key)
        return self.data[k]

    def __delitem__(self, key):
        k = self._find(key)
        if k is None:
            raise KeyError(key)
        del self.data[k]

    def __contains__(self, key):
        return self._find(key) is not None

    def __len__(self):
        return sum(1 for k in self.data if k() is not None)

    def get(self, key, default=None):
        k = self._find(key)
        return default if k is None else self.data[k]

    def update(self, dict=None, **kw):
        if dict is not None:
            items = dict.items() if hasattr(dict, "items") else dict
            for k, v in items:
                self[k] = v

    def keys(self):
        return [o for o in (k() for k in list(self.data)) if o is not None]

    def __iter__(self):
        return iter(self.keys())

    def values(self):
        return [v for k, v in list(self.data.items()) if k() is not None]

    def items(self):
        out = []
        for k, v in list(self.data.items()):
            o = k()
            if o is not None:
                out.append((o, v))
        return out

    def __repr__(self):
        return "<WeakKeyDictionary at %s>" % hex(id(self))


class WeakSet:
    def __init__(self, data=None):
        self.data = []
        if data is not None:
            for item in data:
                self.add(item)

    def _remove(self, wr):
        for i, r in enumerate(self.data):
            if r is wr:
                del self.data[i]
                return

    def add(self, item):
        if item not in self:
            self.data.append(ref(item, self._remove))

    def discard(self, item):
        for i, r in enumerate(self.data):
            if r() is item:
                del self.data[i]
                return

    def remove(self, item):
        if item not in self:
            raise KeyError(item)
        self.discard(item)

    def __contains__(self, item):
        for r in self.data:
            o = r()
            if o is item or (o is not None and o == item):
                return True
        return False

    def __iter__(self):
        return iter([o for o in (r() for r in list(self.data)) if o is not None])

    def __len__(self):
        return sum(1 for r in self.data if r() is not None)

    def __repr__(self):
        return "{%s}" % ", ".join(repr(o) for o in self)


class finalize:
    def __init__(self, obj, func, /, *args, **kwargs):
        self._info = (func, args, kwargs)
        self.atexit = True
        self._ref = ref(obj, self._fire)

    def _fire(self, wr):
        self()

    def __call__(self, _=None):
        info = self._info
        if info is None:
            return None
        self._info = None
        func, args, kwargs = info
        return func(*args, **kwargs)

    def detach(self):
        info = self._info
        obj = self._ref()
        if info is None or obj is None:
            return None
        self._info = None
        return (obj,) + info

    def peek(self):
        info = self._info
        obj = self._ref()
        if info is None or obj is None:
            return None
        return (obj,) + info

    @property
    def alive(self):
        return self._info is not None
