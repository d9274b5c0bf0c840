# The Python half of `_sre`: Pattern, Match and the scanner as plain
# classes over the engine natives `_run` and `_scan` (see _sre.rs).

_FLAG_NAMES = (
    (1, "re.TEMPLATE"),
    (2, "re.IGNORECASE"),
    (4, "re.LOCALE"),
    (8, "re.MULTILINE"),
    (16, "re.DOTALL"),
    (32, "re.UNICODE"),
    (64, "re.VERBOSE"),
    (128, "re.DEBUG"),
    (256, "re.ASCII"),
)

_MAXSIZE = 9223372036854775807


def compile(pattern, flags, code, groups, groupindex, indexgroup):
    return Pattern(pattern, flags, code, groups, groupindex, indexgroup)


def _slice(string, start, end):
    if start < 0:
        return None
    piece = string[start:end]
    if isinstance(piece, bytearray):
        piece = bytes(piece)
    return piece


class Pattern:
    __module__ = "re"

    def __init__(self, pattern, flags, code, groups, groupindex, indexgroup):
        self._code = tuple(code)
        self.pattern = pattern
        self.flags = flags
        self.groups = groups
        self._groupindex = dict(groupindex)
        self._indexgroup = indexgroup
        self._isbytes = pattern is not None and not isinstance(pattern, str)

    @property
    def groupindex(self):
        return dict(self._groupindex)

    def _check(self, string):
        if isinstance(string, str):
            if self._isbytes:
                raise TypeError("cannot use a bytes pattern on a string-like object")
        elif isinstance(string, (bytes, bytearray)):
            if not self._isbytes:
                raise TypeError("cannot use a string pattern on a bytes-like object")
        else:
            raise TypeError(
                "expected string or bytes-like object, got '%s'" % type(string).__name__
            )

    def _one(self, string, pos, endpos, mode):
        self._check(string)
        marks = _run(self._code, string, pos, endpos, self.groups, mode, 0)
        if marks is None:
            return None
        return Match(self, string, pos, endpos, marks)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._one(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._one(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._one(string, pos, endpos, 2)

    def _all(self, string, pos, endpos, limit):
        self._check(string)
        return _scan(self._code, string, pos, endpos, self.groups, limit, 0)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        out = []
        empty = b"" if self._isbytes else ""
        for marks in self._all(string, pos, endpos, 0):
            if self.groups == 0:
                out.append(_slice(string, marks[1], marks[2]))
            elif self.groups == 1:
                piece = _slice(string, marks[3], marks[4])
                out.append(empty if piece is None else piece)
            else:
                items = []
                for g in range(1, self.groups + 1):
                    piece = _slice(string, marks[2 * g + 1], marks[2 * g + 2])
                    items.append(empty if piece is None else piece)
                out.append(tuple(items))
        return out

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        # One engine pass finds every match (the subject cannot change
        # under a str or bytes), so the whole walk stays linear.
        found = self._all(string, pos, endpos, 0)
        return iter([Match(self, string, pos, endpos, marks) for marks in found])

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        self._check(string)
        return SRE_Scanner(self, string, pos, endpos)

    def split(self, string, maxsplit=0):
        if maxsplit < 0:
            return [string]
        out = []
        last = 0
        for marks in self._all(string, 0, _MAXSIZE, maxsplit):
            out.append(_slice(string, last, marks[1]))
            for g in range(1, self.groups + 1):
                out.append(_slice(string, marks[2 * g + 1], marks[2 * g + 2]))
            last = marks[2]
        out.append(_slice(string, last, len(string)))
        return out

    def _subx(self, repl, string, count):
        if count < 0:
            return string, 0
        if callable(repl):
            filt = repl
            literal = None
        else:
            if self._isbytes:
                if not isinstance(repl, (bytes, bytearray)):
                    raise TypeError(
                        "expected a bytes-like object, %s found" % type(repl).__name__
                    )
                has_escape = b"\\" in repl
            else:
                if not isinstance(repl, str):
                    raise TypeError("expected str instance, %s found" % type(repl).__name__)
                has_escape = "\\" in repl
            if has_escape:
                import re

                filt = re._subx(self, repl)
                if callable(filt):
                    literal = None
                else:
                    literal = filt
                    filt = None
            else:
                filt = None
                literal = repl
        pieces = []
        last = 0
        n = 0
        for marks in self._all(string, 0, _MAXSIZE, count):
            if last < marks[1]:
                pieces.append(_slice(string, last, marks[1]))
            if filt is not None:
                item = filt(Match(self, string, 0, _MAXSIZE, marks))
                if item is not None:
                    pieces.append(item)
            elif literal:
                pieces.append(literal)
            last = marks[2]
            n += 1
        if last < len(string):
            pieces.append(_slice(string, last, len(string)))
        joiner = b"" if self._isbytes else ""
        return joiner.join(pieces), n

    def sub(self, repl, string, count=0):
        self._check(string)
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        self._check(string)
        return self._subx(repl, string, count)

    def __repr__(self):
        flags = self.flags
        names = []
        if not self._isbytes and flags & (4 | 32 | 256) == 32:
            flags &= ~32
        for bit, name in _FLAG_NAMES:
            if flags & bit:
                names.append(name)
                flags &= ~bit
        if flags:
            names.append("0x%x" % flags)
        text = repr(self.pattern)[:200]
        if names:
            return "re.compile(%s, %s)" % (text, "|".join(names))
        return "re.compile(%s)" % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (
            self.flags == other.flags
            and self._isbytes == other._isbytes
            and self._code == other._code
            and self.pattern == other.pattern
        )

    def __ne__(self, other):
        eq = self.__eq__(other)
        if eq is NotImplemented:
            return eq
        return not eq

    def __hash__(self):
        return hash((self.pattern, self.flags, self._code))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        import re

        return (re._compile, (self.pattern, self.flags))


class Match:
    __module__ = "re"

    def __init__(self, pattern, string, pos, endpos, marks):
        self.re = pattern
        self.string = string
        n = len(string)
        self.pos = min(max(pos, 0), n)
        self.endpos = min(max(endpos, 0), n)
        self._marks = marks

    def _index(self, g):
        if isinstance(g, int):
            if 0 <= g <= self.re.groups:
                return g
        elif isinstance(g, (str, bytes)):
            i = self.re._groupindex.get(g)
            if i is not None:
                return i
        raise IndexError("no such group")

    def _get(self, i, default=None):
        piece = _slice(self.string, self._marks[2 * i + 1], self._marks[2 * i + 2])
        return default if piece is None else piece

    def group(self, *args):
        if not args:
            return self._get(0)
        if len(args) == 1:
            return self._get(self._index(args[0]))
        return tuple([self._get(self._index(g)) for g in args])

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple([self._get(i, default) for i in range(1, self.re.groups + 1)])

    def groupdict(self, default=None):
        return {name: self._get(i, default) for name, i in self.re._groupindex.items()}

    def start(self, group=0):
        return self._marks[2 * self._index(group) + 1]

    def end(self, group=0):
        return self._marks[2 * self._index(group) + 2]

    def span(self, group=0):
        i = self._index(group)
        return (self._marks[2 * i + 1], self._marks[2 * i + 2])

    @property
    def regs(self):
        return tuple([self.span(i) for i in range(self.re.groups + 1)])

    @property
    def lastindex(self):
        li = self._marks[0]
        return None if li < 0 else li

    @property
    def lastgroup(self):
        li = self._marks[0]
        ig = self.re._indexgroup
        if li < 0 or ig is None or li >= len(ig):
            return None
        return ig[li]

    def expand(self, template):
        import re

        return re._expand(self.re, self, template)

    def __repr__(self):
        return "<re.Match object; span=(%d, %d), match=%s>" % (
            self._marks[1],
            self._marks[2],
            repr(self._get(0))[:50],
        )

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class SRE_Scanner:
    __module__ = "_sre"

    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._string = string
        n = len(string)
        self._pos = min(max(pos, 0), n)
        self._start = pos
        self._endpos = min(max(endpos, 0), n)
        self._must_advance = False
        self._done = False

    def _next(self, mode):
        if self._done or self._pos > self._endpos:
            self._done = True
            return None
        p = self.pattern
        marks = _run(
            p._code, self._string, self._pos, self._endpos, p.groups, mode, self._must_advance
        )
        if marks is None:
            self._done = True
            return None
        self._must_advance = marks[1] == marks[2]
        self._pos = marks[2]
        return Match(p, self._string, self._start, self._endpos, marks)

    def match(self):
        return self._next(0)

    def search(self):
        return self._next(2)
