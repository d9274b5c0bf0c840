# _csv: the parser and writer behind CPython's csv module, with its
# dialect checks, registry, quoting rules and messages. The reader is an
# object holding its parse state as plain attributes, fed one line at a time.

__version__ = "1.0"
__doc__ = "CSV parsing and writing."

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)

_field_limit = [128 * 1024]
_dialects = {}


class Error(Exception):
    pass


Error.__module__ = "_csv"


def _char(name, value, default, allow_none):
    if value is None:
        if allow_none:
            return None
        raise TypeError('"%s" must be a 1-character string' % name)
    if not isinstance(value, str):
        if allow_none:
            raise TypeError('"%s" must be string or None, not %s' % (name, type(value).__name__))
        raise TypeError('"%s" must be string, not %s' % (name, type(value).__name__))
    if len(value) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return value


_ATTRS = ("delimiter", "doublequote", "escapechar", "lineterminator",
          "quotechar", "quoting", "skipinitialspace", "strict")


class Dialect:
    __slots__ = ("_d",)

    def __new__(cls, dialect=None, **kwargs):
        for k in kwargs:
            if k not in _ATTRS:
                raise TypeError("'%s' is an invalid keyword argument for this function" % k)
        if dialect is not None:
            if isinstance(dialect, str):
                dialect = get_dialect(dialect)
            if type(dialect) is Dialect and not kwargs:
                return dialect
        self = object.__new__(cls)

        def pick(name, default):
            if name in kwargs:
                return kwargs[name]
            if dialect is not None and hasattr(dialect, name):
                return getattr(dialect, name)
            return default

        d = {}
        d["delimiter"] = _char("delimiter", pick("delimiter", ","), ",", False)
        d["doublequote"] = bool(pick("doublequote", True))
        d["escapechar"] = _char("escapechar", pick("escapechar", None), None, True)
        lt = pick("lineterminator", "\r\n")
        if not isinstance(lt, str):
            raise TypeError('"lineterminator" must be a string')
        d["lineterminator"] = lt
        quoting = pick("quoting", None)
        qc = pick("quotechar", '"')
        if quoting is None:
            quoting = QUOTE_MINIMAL
        if qc is None and "quotechar" in kwargs and "quoting" not in kwargs:
            quoting = QUOTE_NONE
        if type(quoting) is not int or quoting not in (0, 1, 2, 3):
            if not isinstance(quoting, int):
                raise TypeError('"quoting" must be an integer')
            raise TypeError('bad "quoting" value')
        d["quoting"] = quoting
        d["quotechar"] = _char("quotechar", qc, '"', True)
        d["skipinitialspace"] = bool(pick("skipinitialspace", False))
        d["strict"] = bool(pick("strict", False))
        if d["quotechar"] is None and quoting != QUOTE_NONE:
            raise TypeError("quotechar must be set if quoting enabled")
        if not lt:
            raise ValueError("lineterminator must be set")
        object.__setattr__(self, "_d", d)
        return self

    def __getattr__(self, name):
        d = object.__getattribute__(self, "_d")
        if name in d:
            return d[name]
        raise AttributeError("'_csv.Dialect' object has no attribute '%s'" % name)

    def __setattr__(self, name, value):
        if name in _ATTRS:
            raise AttributeError("attribute '%s' of '_csv.Dialect' objects is not writable" % name)
        raise AttributeError("'_csv.Dialect' object has no attribute '%s'" % name)

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '_csv.Dialect' object")


Dialect.__module__ = "_csv"


def _dialect(dialect, kwargs):
    return Dialect(dialect, **kwargs)


def register_dialect(name, dialect=None, **kwargs):
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = Dialect(dialect, **kwargs)


def unregister_dialect(name):
    if name not in _dialects:
        raise Error("unknown dialect")
    del _dialects[name]


def get_dialect(name):
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error("unknown dialect") from None


def list_dialects():
    return list(_dialects)


def field_size_limit(*args, **kwargs):
    if kwargs:
        if list(kwargs) != ["new_limit"] or args:
            raise TypeError("field_size_limit() takes at most 1 argument (%d given)" % (len(args) + len(kwargs)))
        args = (kwargs["new_limit"],)
    if len(args) > 1:
        raise TypeError("field_size_limit expected at most 1 argument, got %d" % len(args))
    old = _field_limit[0]
    if args:
        if not isinstance(args[0], int):
            raise TypeError("limit must be an integer")
        _field_limit[0] = args[0]
    return old


_START_RECORD, _START_FIELD, _ESCAPED_CHAR, _IN_FIELD, _IN_QUOTED_FIELD, \
    _ESCAPE_IN_QUOTED_FIELD, _QUOTE_IN_QUOTED_FIELD, _EAT_CRNL, \
    _AFTER_ESCAPED_CRNL = range(9)
_EOL = None


class Reader:
    def __init__(self, iterable, dialect, kwargs):
        self._it = iter(iterable)
        self.dialect = _dialect(dialect, kwargs)
        self.line_num = 0

    def __iter__(self):
        return self

    def _save(self):
        field = "".join(self._field)
        self._field = []
        if self._numeric:
            self._numeric = False
            field = float(field)
        self._fields.append(field)

    def _add(self, c):
        if len(self._field) >= _field_limit[0]:
            raise Error("field larger than field limit (%d)" % _field_limit[0])
        self._field.append(c)

    def _process(self, c):
        d = self.dialect
        st = self._state
        if st == _START_RECORD:
            if c is _EOL:
                return
            if c == "\n" or c == "\r":
                self._state = _EAT_CRNL
                return
            st = self._state = _START_FIELD
        if st == _START_FIELD:
            if c is _EOL or c == "\n" or c == "\r":
                self._save()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._state = _IN_QUOTED_FIELD
            elif c == d.escapechar:
                self._state = _ESCAPED_CHAR
            elif c == " " and d.skipinitialspace:
                pass
            elif c == d.delimiter:
                self._save()
            else:
                if d.quoting == QUOTE_NONNUMERIC:
                    self._numeric = True
                self._add(c)
                self._state = _IN_FIELD
            return
        if st == _ESCAPED_CHAR:
            if c == "\n" or c == "\r":
                self._add(c)
                self._state = _AFTER_ESCAPED_CRNL
                return
            if c is _EOL:
                c = "\n"
            self._add(c)
            self._state = _IN_FIELD
            return
        if st == _AFTER_ESCAPED_CRNL:
            if c is _EOL:
                return
            st = _IN_FIELD
        if st == _IN_FIELD:
            if c is _EOL or c == "\n" or c == "\r":
                self._save()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif c == d.escapechar:
                self._state = _ESCAPED_CHAR
            elif c == d.delimiter:
                self._save()
                self._state = _START_FIELD
            else:
                self._add(c)
                self._state = _IN_FIELD
            return
        if st == _IN_QUOTED_FIELD:
            if c is _EOL:
                pass
            elif c == d.escapechar:
                self._state = _ESCAPE_IN_QUOTED_FIELD
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._state = _QUOTE_IN_QUOTED_FIELD if d.doublequote else _IN_FIELD
            else:
                self._add(c)
            return
        if st == _ESCAPE_IN_QUOTED_FIELD:
            if c is _EOL:
                c = "\n"
            self._add(c)
            self._state = _IN_QUOTED_FIELD
            return
        if st == _QUOTE_IN_QUOTED_FIELD:
            if d.quoting != QUOTE_NONE and c == d.quotechar:
                self._add(c)
                self._state = _IN_QUOTED_FIELD
            elif c == d.delimiter:
                self._save()
                self._state = _START_FIELD
            elif c is _EOL or c == "\n" or c == "\r":
                self._save()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif not d.strict:
                self._add(c)
                self._state = _IN_FIELD
            else:
                raise Error("'%s' expected after '%s'" % (d.delimiter, d.quotechar))
            return
        if st == _EAT_CRNL:
            if c == "\n" or c == "\r":
                pass
            elif c is _EOL:
                self._state = _START_RECORD
            else:
                raise Error("new-line character seen in unquoted field - "
                            "do you need to open the file in universal-newline mode?")

    def __next__(self):
        self._fields = []
        self._field = []
        self._state = _START_RECORD
        self._numeric = False
        while True:
            try:
                line = next(self._it)
            except StopIteration:
                if self._field or self._state == _IN_QUOTED_FIELD:
                    if self.dialect.strict:
                        raise Error("unexpected end of data") from None
                    self._save()
                    break
                raise
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %.200s "
                            "(the file should be opened in text mode)" % type(line).__name__)
            self.line_num += 1
            for c in line:
                self._process(c)
            self._process(_EOL)
            if self._state == _START_RECORD:
                break
        fields = self._fields
        self._fields = []
        return fields


Reader.__name__ = Reader.__qualname__ = "reader"
Reader.__module__ = "_csv"


class Writer:
    def __init__(self, fileobj, dialect, kwargs):
        self._write = getattr(fileobj, "write", None)
        if self._write is None or not callable(self._write):
            raise TypeError('argument 1 must have a "write" method')
        self.dialect = _dialect(dialect, kwargs)

    def _field(self, out, field, quoted, first):
        d = self.dialect
        if not first:
            out.append(d.delimiter)
        buf = []
        for c in field:
            if c == d.delimiter or c == d.escapechar or c == d.quotechar or c in d.lineterminator \
                    or c == "\n" or c == "\r":
                want_escape = False
                if d.quoting == QUOTE_NONE:
                    want_escape = True
                else:
                    if c == d.quotechar:
                        if d.doublequote:
                            buf.append(d.quotechar)
                        else:
                            want_escape = True
                    elif c == d.escapechar:
                        want_escape = True
                    if not want_escape:
                        quoted = True
                if want_escape:
                    if d.escapechar is None:
                        raise Error("need to escape, but no escapechar set")
                    buf.append(d.escapechar)
            buf.append(c)
        if quoted:
            out.append(d.quotechar)
            out.extend(buf)
            out.append(d.quotechar)
        else:
            out.extend(buf)

    def writerow(self, row):
        d = self.dialect
        try:
            it = iter(row)
        except TypeError:
            raise Error("iterable expected, not %s" % type(row).__name__) from None
        out = []
        n = 0
        last_empty = False
        for field in it:
            if d.quoting == QUOTE_NONNUMERIC:
                t = type(field)
                quoted = not (isinstance(field, (int, float)) or hasattr(t, "__index__")
                              or hasattr(t, "__float__") or hasattr(t, "__int__"))
            elif d.quoting == QUOTE_ALL:
                quoted = True
            else:
                quoted = False
            if field is None:
                text = ""
            elif isinstance(field, str):
                text = field
            else:
                text = str(field)
            self._field(out, text, quoted, n == 0)
            last_empty = text == "" and not quoted
            n += 1
        if n == 1 and last_empty:
            if d.quoting == QUOTE_NONE:
                raise Error("single empty field record must be quoted")
            out = [d.quotechar, d.quotechar]
        out.append(d.lineterminator)
        return self._write("".join(out))

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


Writer.__name__ = Writer.__qualname__ = "writer"
Writer.__module__ = "_csv"


def reader(csvfile, dialect="excel", **fmtparams):
    return Reader(csvfile, dialect, fmtparams)


def writer(fileobj, dialect="excel", **fmtparams):
    return Writer(fileobj, dialect, fmtparams)
