# Frame and code objects for introspection, built from plain data that the
# natives _frames, _gen and _code hand back.


class code:
    __module__ = "builtins"

    def __init__(self, info):
        (self.co_name, self.co_qualname, self.co_filename, self.co_firstlineno,
         self.co_varnames, self.co_flags, self.co_argcount, self._ys_id,
         self.co_posonlyargcount, self.co_kwonlyargcount) = info
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

    def __init__(self, t, back, pos, gen=None):
        info, self._lineno, self._locals, self._module = t
        self.f_code = _code_of(info)
        self.f_back = back
        self.f_builtins = {}
        self.f_lasti = -1
        self._pos = pos
        self._gen = gen

    def _live(self, with_locals=False):
        if self._gen is not None:
            # A suspended generator's frame: follow the generator (held weakly).
            g = _weak_get(self._gen)
            t = None if g is None else _gen(g, with_locals)
            if t is None or t[2] is None:
                self._gen = None
                return None
            return t[2]
        # The frame is still running if the stack holds its code at its depth.
        if self._pos is None:
            return None
        ts = _user_frames(with_locals)
        if self._pos < len(ts):
            t = ts[len(ts) - 1 - self._pos]
            c = self.f_code
            if t[0][1] == c.co_qualname and t[0][3] == c.co_firstlineno and t[0][2] == c.co_filename:
                return t
        self._pos = None
        return None

    @property
    def f_lineno(self):
        t = self._live()
        if t is not None:
            self._lineno = t[1]
        return self._lineno

    @property
    def f_globals(self):
        # The module's live namespace.
        return self._module.__dict__

    @property
    def f_locals(self):
        if self.f_code.co_name == "<module>":
            return self.f_globals
        t = self._live(True)
        if t is not None:
            self._locals = t[2]
        if self._locals is None:
            self._locals = {}
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


def _frame_chain():
    ts = _user_frames()
    back = None
    built = []
    pos = 0
    for t in reversed(ts):
        back = frame(t, back, pos)
        built.append(back)
        pos += 1
    built.reverse()
    return built


def _getframe(*args):
    if len(args) > 1:
        raise TypeError("_getframe expected at most 1 argument, got %d" % len(args))
    depth = args[0] if args else 0
    if not isinstance(depth, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(depth).__name__)
    built = _frame_chain()
    if depth < 0:
        depth = 0
    if depth >= len(built):
        raise ValueError("call stack is not deep enough")
    return built[depth]


def _gi_frame(g):
    t = _gen(g)
    if t is None or t[2] is None:
        return None
    if t[0] == 1:
        # Running: its frame is on the stack, with the frames below it.
        c = t[1]
        for f in _frame_chain():
            k = f.f_code
            if k.co_qualname == c[1] and k.co_firstlineno == c[3] and k.co_filename == c[2]:
                return f
    return frame(t[2], None, None, _weak_new(g, None))


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

    def __repr__(self):
        return "<_io.TextIOWrapper name='%s' mode='w' encoding='utf-8'>" % self.name


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


def _exc_traceback(exc):
    head = None
    for info, line in reversed(_tb(exc)):
        head = traceback(frame((info, line, None, None), None, None), line, head)
    return head
