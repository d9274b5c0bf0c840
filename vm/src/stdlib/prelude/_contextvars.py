# _contextvars: context variables for a VM that runs one thread. The
# current Context is a module global; Context.run makes another current
# while a callable runs.


class _Missing:
    __module__ = "_contextvars"

    def __repr__(self):
        return "<Token.MISSING>"


class Token:
    __module__ = "_contextvars"

    MISSING = _Missing()

    def __init__(self, ctx, var, old_value):
        self._ctx = ctx
        self._var = var
        self._old = old_value
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old

    def __repr__(self):
        used = " used" if self._used else ""
        return "<Token%s var=%r at %s>" % (used, self._var, hex(id(self)))

    def __class_getitem__(cls, item):
        return cls


_NO_DEFAULT = Token.MISSING


class ContextVar:
    __module__ = "_contextvars"

    def __init__(self, name, *, default=_NO_DEFAULT):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    def __init_subclass__(cls, **kw):
        raise TypeError("type 'ContextVar' is not an acceptable base type")

    @property
    def name(self):
        return self._name

    def get(self, *args):
        if len(args) > 1:
            raise TypeError("get expected at most 1 argument, got %d" % len(args))
        data = _current._data
        if self in data:
            return data[self]
        if args:
            return args[0]
        if self._default is not _NO_DEFAULT:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _current
        old = ctx._data.get(self, Token.MISSING)
        ctx._data[self] = value
        return Token(ctx, self, old)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError("expected an instance of Token, got '%s'" % type(token).__name__)
        if token._used:
            raise RuntimeError("%r has already been used once" % token)
        if token._var is not self:
            raise ValueError("%r was created by a different ContextVar" % token)
        if token._ctx is not _current:
            raise ValueError("%r was created in a different Context" % token)
        token._used = True
        if token._old is Token.MISSING:
            _current._data.pop(self, None)
        else:
            _current._data[self] = token._old

    def __hash__(self):
        return id(self) >> 4

    def __eq__(self, other):
        return self is other

    def __repr__(self):
        default = ""
        if self._default is not _NO_DEFAULT:
            default = " default=%r" % (self._default,)
        return "<ContextVar name=%r%s at %s>" % (self._name, default, hex(id(self)))

    def __class_getitem__(cls, item):
        return cls


class Context:
    __module__ = "_contextvars"

    def __init__(self):
        self._data = {}
        self._entered = False

    def run(self, callable, *args, **kwargs):
        global _current
        if self._entered:
            raise RuntimeError(
                "cannot enter context: %r is already entered" % self)
        saved = _current
        self._entered = True
        _current = self
        try:
            return callable(*args, **kwargs)
        finally:
            _current = saved
            self._entered = False

    def copy(self):
        new = Context()
        new._data = dict(self._data)
        return new

    def _key(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError("a ContextVar key was expected, got %r" % (var,))

    def __getitem__(self, var):
        self._key(var)
        try:
            return self._data[var]
        except KeyError:
            raise KeyError(var) from None

    def get(self, var, default=None):
        self._key(var)
        return self._data.get(var, default)

    def __contains__(self, var):
        self._key(var)
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(list(self._data))

    def keys(self):
        return list(self._data.keys())

    def values(self):
        return list(self._data.values())

    def items(self):
        return list(self._data.items())

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data

    __hash__ = None


_current = Context()


def copy_context():
    return _current.copy()
