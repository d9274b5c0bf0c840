# Frame and code objects for introspection, built from plain data that the
# natives _frames, _gen and _code hand back.


class code:
    __module__ = "builtins"

    def __init__(self, info):
        (self.co_name, self.co_qualname, self.co_filename, self.co_firstlineno,
         self.co_varnames, self.co_flags, self.co_argcount, self._ys_id,
         self.co_posonlyargcount, self.co_kwonlyargcount) = info[:10]
        self.co_freevars, self.co_cellvars = info[10:12]
        self.co_nlocals = len(self.co_varnames)

    def __repr__(self):
        return '<code object %s at %s, file "%s", line %d>' % (
            self.co_name, hex(id(self)), self.co_filename, self.co_firstlineno)


_codes = {}


def _code_of(info):
    # One code object per compiled code, as in CPython.
    c = _codes.get(info[7])
    if c is None:
        c = code(info)
        _codes[info[7]] = c
    return c


class frame:
    __module__ = "builtins"

    # One object per frame: the frame keeps it (see _frame_keep) until it
    # ends, and it follows that frame (_frame_find) while it exists.
    def __init__(self, t):
        info, self._lineno, self._locals, self._module = t[:4]
        self.f_code = _code_of(info)
        self.f_builtins = {}
        self.f_lasti = -1
        self._back = None
        g = t[6] if len(t) > 6 else None
        # A generator's frame is found through its generator (held weakly).
        self._gen = None if g is None else _weak_new(g, None)

    def _live(self, with_locals=False):
        g = None if self._gen is None else _weak_get(self._gen)
        return _frame_find(self, g, with_locals)

    @property
    def f_lineno(self):
        t = self._live()
        if t is not None:
            self._lineno = t[1]
        return self._lineno

    @property
    def f_back(self):
        t = self._live()
        if t is not None:
            # Running: the frame below it; suspended: none. An ended frame
            # keeps the last one.
            self._back = None if t[4] < 0 else _frame_below(t[4])
        return self._back

    @property
    def f_globals(self):
        # The module's live namespace.
        if self._module is None:
            return {}
        return self._module.__dict__

    @property
    def f_locals(self):
        if self.f_code.co_name == "<module>":
            return self.f_globals
        t = self._live(True)
        if self._locals is None:
            self._locals = {}
        if t is not None:
            # One dict, refreshed from the frame on each read.
            d = self._locals
            d.clear()
            d.update(t[2])
        return self._locals

    def __repr__(self):
        return "<frame at %s, file '%s', line %d, code %s>" % (
            hex(id(self)), self.f_code.co_filename, self.f_lineno, self.f_code.co_name)


def _user_frames(with_locals=False):
    out = []
    for t in _frames(with_locals):
        if not t[0][2].startswith("<frozen"):
            out.append(t)
    return out


def _frame_objects(ts):
    # The frame objects of frame tuples ts (innermost first, each the caller
    # of the one before): made outermost first, so each knows its caller.
    back = None
    objs = []
    for t in reversed(ts):
        f = t[5]
        if f is None:
            f = frame(t)
            f._back = back
            _frame_keep(t[4], t[6], f)
        objs.append(f)
        back = f
    objs.reverse()
    return objs


def _frame_below(index):
    # The frame object of the nearest user frame below stack index `index`.
    ts = _user_frames()
    for k in range(len(ts)):
        if ts[k][4] < index:
            return _frame_objects(ts[k:])[0]
    return None


def _getframe(*args):
    if len(args) > 1:
        raise TypeError("_getframe expected at most 1 argument, got %d" % len(args))
    depth = args[0] if args else 0
    if not isinstance(depth, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(depth).__name__)
    ts = _user_frames()
    if depth < 0:
        depth = 0
    if depth >= len(ts):
        raise ValueError("call stack is not deep enough")
    return _frame_objects(ts[depth:])[0]


def _gi_frame(g):
    t = _gen(g)
    if t is None or t[2] is None:
        return None
    ft = t[2]
    if ft[4] >= 0:
        # Running: its frame is on the stack, with the frames below it.
        ts = _user_frames()
        for k in range(len(ts)):
            if ts[k][4] == ft[4]:
                return _frame_objects(ts[k:])[0]
    f = ft[5]
    if f is None:
        f = frame(ft)
        _frame_keep(-1, g, f)
    return f


def _gi_code(g):
    return _code_of(_gen(g)[1])


def _func_code(f):
    info = _code(f)
    if info is None:
        return None
    return _code_of(info)


class TextIOWrapper:
    # sys.stdout / sys.stderr: print() recognises the stream by its repr.
    __module__ = "_io"

    def __init__(self, name):
        self.name = "<%s>" % name
        self.mode = "w"
        self.encoding = "utf-8"

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        print(s, end="", file=self)
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    def isatty(self):
        return False

    errors = "strict"
    line_buffering = False

    def writable(self):
        return True

    def readable(self):
        return False

    def seekable(self):
        return False

    @property
    def buffer(self):
        # The binary stream under the text one, made on first use: bytes
        # written to it reach the same output (decoded as UTF-8).
        b = self.__dict__.get("_buffer")
        if b is None:
            b = self._buffer = _std_buffer(self)
        return b

    def __repr__(self):
        return "<_io.TextIOWrapper name='%s' mode='w' encoding='utf-8'>" % self.name


def _std_buffer(text):
    class BufferedWriter:
        __module__ = "_io"

        def __init__(self, text):
            self._text = text
            self.name = text.name
            self.mode = "wb"

        def write(self, b):
            if not isinstance(b, (bytes, bytearray)):
                raise TypeError(
                    "a bytes-like object is required, not '%s'" % type(b).__name__)
            self._text.write(bytes(b).decode("utf-8", "replace"))
            return len(b)

        def flush(self):
            pass

        def writable(self):
            return True

        def __repr__(self):
            return "<_io.BufferedWriter name='%s'>" % self.name

    return BufferedWriter(text)


stdout = TextIOWrapper("stdout")
stderr = TextIOWrapper("stderr")


class traceback:
    __module__ = "builtins"

    def __init__(self, frame, lineno, next):
        self.tb_frame = frame
        self.tb_lineno = lineno
        self.tb_next = next
        self.tb_lasti = -1

    def __repr__(self):
        return "<traceback object at %s>" % hex(id(self))


def _module_of_file(filename, mods):
    # The module whose code came from `filename` (for a traceback frame's
    # f_globals); None when no loaded module has that file.
    for m in list(mods.values()):
        if getattr(m, "__file__", None) == filename:
            return m
    return None


def _exc_traceback(exc):
    import sys
    head = None
    for info, line, text in reversed(_tb(exc)):
        m = _module_of_file(info[2], sys.modules)
        head = traceback(frame((info, line, None, m)), line, head)
        head._ys_text = text
    return head


def _union_repr(t):
    if t is None or t is type(None):
        return "None"
    if isinstance(t, type):
        if t.__module__ == "builtins":
            return t.__qualname__
        return t.__module__ + "." + t.__qualname__
    return repr(t)


class UnionType:
    """`X | Y` of types (CPython's `types.UnionType`)."""

    __module__ = "types"

    def __init__(self, args):
        self.__args__ = args

    def __repr__(self):
        return " | ".join(_union_repr(a) for a in self.__args__)

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


def _union(a, b):
    args = []
    for x in (a, b):
        parts = x.__args__ if isinstance(x, UnionType) else (x,)
        for p in parts:
            if p is None:
                p = type(None)
            if p not in args:
                args.append(p)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))
