import sys
import _introspect as _i


def _chunks(text):
    out = []
    for line in text.splitlines(True):
        if line.startswith("    ") and out:
            out[-1] += line
        else:
            out.append(line)
    return out


def format_exc(limit=None, chain=True):
    e = sys.exception()
    if e is None:
        return "NoneType: None\n"
    return _i._format_exception(e)


def print_exc(limit=None, file=None, chain=True):
    (sys.stderr if file is None else file).write(format_exc())


def format_exception(exc, /, value=None, tb=None, limit=None, chain=True):
    if value is not None:
        exc = value
    return _chunks(_i._format_exception(exc))


def print_exception(exc, /, value=None, tb=None, limit=None, file=None, chain=True):
    if value is not None:
        exc = value
    (sys.stderr if file is None else file).write(_i._format_exception(exc))


def format_exception_only(exc, /, value=None):
    if value is not None:
        exc = value
    return [_i._format_exception_only(exc)]


def walk_tb(tb):
    """Yields (frame, lineno) for each entry of the traceback chain `tb`."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


class FrameSummary:
    """One entry of a stack or traceback: file, line number, function, line."""

    __slots__ = ("filename", "lineno", "end_lineno", "colno", "end_colno",
                 "name", "_line", "locals")

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None, end_lineno=None, colno=None,
                 end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._line = line
        self.locals = locals

    @property
    def line(self):
        if self._line is None:
            import linecache
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno
                    and self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __len__(self):
        return 4

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)


def _entry_text(tb):
    # What an uncaught traceback prints for this entry (markers included),
    # or None for frames that stand for C code.
    return getattr(tb, "_ys_text", None)


def _summary(tb, limit=None):
    out = StackSummary()
    while tb is not None and (limit is None or len(out) < limit):
        text = _entry_text(tb)
        if text is not None:
            code = tb.tb_frame.f_code
            lines = text.split("\n")
            line = lines[1].strip() if len(lines) > 1 else ""
            fs = FrameSummary(code.co_filename, tb.tb_lineno, code.co_name, line=line)
            out.append(fs)
            out._texts.append(text)
        tb = tb.tb_next
    return out


class StackSummary(list):
    """A list of FrameSummary objects, ready to format."""

    def __init__(self, *args):
        list.__init__(self, *args)
        self._texts = []

    @classmethod
    def from_list(cls, a_list):
        out = cls()
        for f in a_list:
            if not isinstance(f, FrameSummary):
                filename, lineno, name, line = f
                f = FrameSummary(filename, lineno, name, line=line)
            out.append(f)
        return out

    def format_frame_summary(self, frame_summary):
        row = '  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)
        if frame_summary.line:
            row += "    {}\n".format(frame_summary.line)
        return row

    def format(self):
        out = []
        texts = self._texts if len(self._texts) == len(self) else None
        last = None
        count = 0
        for i, fs in enumerate(self):
            key = (fs.filename, fs.lineno, fs.name)
            if key == last:
                count += 1
            else:
                if count > 3:
                    n = count - 3
                    out.append("  [Previous line repeated %d more time%s]\n"
                               % (n, "s" if n > 1 else ""))
                last = key
                count = 1
            if count <= 3:
                out.append(texts[i] if texts else self.format_frame_summary(fs))
        if count > 3:
            n = count - 3
            out.append("  [Previous line repeated %d more time%s]\n"
                       % (n, "s" if n > 1 else ""))
        return out


def extract_tb(tb, limit=None):
    return _summary(tb, limit)


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    (sys.stderr if file is None else file).write("".join(format_tb(tb, limit)))


def print_list(extracted_list, file=None):
    (sys.stderr if file is None else file).write("".join(format_list(extracted_list)))


def clear_frames(tb):
    pass


class TracebackException:
    """An exception ready to format, with its traceback and chain."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.exc_type = exc_type
        self._exc = exc_value
        self.stack = _summary(exc_traceback, limit)
        self._str = None if exc_value is None else str(exc_value)
        self.__suppress_context__ = (
            False if exc_value is None else exc_value.__suppress_context__)
        self.__cause__ = None
        self.__context__ = None
        cause = None if exc_value is None else exc_value.__cause__
        context = None if exc_value is None else exc_value.__context__
        if cause is not None and id(cause) not in _seen:
            self.__cause__ = TracebackException(
                type(cause), cause, cause.__traceback__, limit=limit,
                _seen=_seen)
        if context is not None and id(context) not in _seen:
            self.__context__ = TracebackException(
                type(context), context, context.__traceback__, limit=limit,
                _seen=_seen)

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return (self.exc_type is other.exc_type and self._str == other._str
                    and list(self.stack) == list(other.stack))
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        if self._exc is None:
            yield "NoneType: None\n"
            return
        yield _i._format_exception_only(self._exc)

    def format(self, *, chain=True):
        if chain:
            if self.__cause__ is not None:
                yield from self.__cause__.format(chain=chain)
                yield ("\nThe above exception was the direct cause "
                       "of the following exception:\n\n")
            elif self.__context__ is not None and not self.__suppress_context__:
                yield from self.__context__.format(chain=chain)
                yield ("\nDuring handling of the above exception, "
                       "another exception occurred:\n\n")
        if self.stack:
            yield "Traceback (most recent call last):\n"
            yield from self.stack.format()
        yield from self.format_exception_only()

    def print(self, *, file=None, chain=True):
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")
