import _introspect as _i

GEN_CREATED = 'GEN_CREATED'
GEN_RUNNING = 'GEN_RUNNING'
GEN_SUSPENDED = 'GEN_SUSPENDED'
GEN_CLOSED = 'GEN_CLOSED'


def _g():
    yield


_GenType = type(_g())
_FuncType = type(_g)


def isgenerator(object):
    return isinstance(object, _GenType)


def isfunction(object):
    return isinstance(object, _FuncType)


def isgeneratorfunction(obj):
    return _has_code_flag(obj, 0x20)


def isclass(object):
    return isinstance(object, type)


def ismodule(object):
    return type(object).__name__ == 'module'


def isframe(object):
    return isinstance(object, _i.frame)


def iscode(object):
    return isinstance(object, _i.code)


def getgeneratorstate(generator):
    if generator.gi_running:
        return GEN_RUNNING
    if generator.gi_suspended:
        return GEN_SUSPENDED
    if generator.gi_frame is None:
        return GEN_CLOSED
    return GEN_CREATED


def getgeneratorlocals(generator):
    if not isgenerator(generator):
        raise TypeError("{!r} is not a Python generator".format(generator))
    frame = getattr(generator, "gi_frame", None)
    if frame is not None:
        return generator.gi_frame.f_locals
    else:
        return {}


def currentframe():
    return _i._getframe(0)


class FrameInfo:
    def __init__(self, frame):
        self.frame = frame
        self.filename = frame.f_code.co_filename
        self.lineno = frame.f_lineno
        self.function = frame.f_code.co_name
        line = _i._source_line(self.filename, self.lineno)
        self.code_context = None if line is None else [line]
        self.index = None if line is None else 0

    def _items(self):
        return (self.frame, self.filename, self.lineno, self.function,
                self.code_context, self.index)

    def __getitem__(self, i):
        return self._items()[i]

    def __len__(self):
        return 6

    def __iter__(self):
        return iter(self._items())


def stack(context=1):
    out = []
    f = _i._getframe(0)
    while f is not None:
        out.append(FrameInfo(f))
        f = f.f_back
    return out


def getdoc(object):
    return getattr(object, '__doc__', None)


def ismethod(object):
    return type(object).__name__ == "method"


def isbuiltin(object):
    return type(object).__name__ == "builtin_function_or_method"


def isroutine(object):
    return isbuiltin(object) or isfunction(object) or ismethod(object)


CO_GENERATOR = 0x20
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200


def _has_code_flag(f, flag):
    while ismethod(f):
        f = f.__func__
    while type(f).__name__ == "partial":
        f = f.func
    if not isfunction(f):
        return False
    return bool(_i._code(f)[5] & flag)


def iscoroutinefunction(obj):
    return _has_code_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


def iscoroutine(object):
    return type(object).__name__ == "coroutine" and type(object).__module__ == "builtins"


def isasyncgen(object):
    return type(object).__name__ == "async_generator" and type(object).__module__ == "builtins"


def isawaitable(object):
    if iscoroutine(object):
        return True
    if isgenerator(object) and object.gi_code.co_flags & CO_ITERABLE_COROUTINE:
        return True
    return hasattr(type(object), "__await__")


def getmembers(object, predicate=None):
    results = []
    for key in dir(object):
        try:
            value = getattr(object, key)
        except AttributeError:
            continue
        if predicate is None or predicate(value):
            results.append((key, value))
    results.sort(key=lambda pair: pair[0])
    return results


def _code_for(object):
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        return object.__code__
    if isframe(object):
        return object.f_code
    if iscode(object):
        return object
    raise TypeError("module, class, method, function, traceback, frame, or code object "
                    "was expected, got {}".format(type(object).__name__))


def getfile(object):
    return _code_for(object).co_filename


def getsourcefile(object):
    return getfile(object)


def getsourcelines(object):
    c = _code_for(object)
    start = c.co_firstlineno
    first = _i._source_line(c.co_filename, start)
    if first is None:
        raise OSError("could not get source code")
    lines = [first]
    indent = len(first) - len(first.lstrip())
    n = start + 1
    pending = []
    while True:
        line = _i._source_line(c.co_filename, n)
        if line is None:
            break
        if not line.strip():
            pending.append(line)
        elif len(line) - len(line.lstrip()) > indent:
            lines.extend(pending)
            pending = []
            lines.append(line)
        else:
            break
        n += 1
    return lines, start


def getsource(object):
    lines, _ = getsourcelines(object)
    return "".join(lines)


class _empty:
    pass


class _ParameterKind:
    def __init__(self, value, name, description):
        self.value = value
        self.name = name
        self.description = description

    def __repr__(self):
        return "<_ParameterKind.%s: %d>" % (self.name, self.value)

    def __str__(self):
        return self.name

    def __lt__(self, other):
        return self.value < other.value


class Parameter:
    POSITIONAL_ONLY = _ParameterKind(0, "POSITIONAL_ONLY", "positional-only")
    POSITIONAL_OR_KEYWORD = _ParameterKind(1, "POSITIONAL_OR_KEYWORD", "positional or keyword")
    VAR_POSITIONAL = _ParameterKind(2, "VAR_POSITIONAL", "variadic positional")
    KEYWORD_ONLY = _ParameterKind(3, "KEYWORD_ONLY", "keyword-only")
    VAR_KEYWORD = _ParameterKind(4, "VAR_KEYWORD", "variadic keyword")
    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        self.name = name
        self.kind = kind
        self.default = default
        self.annotation = annotation

    def __str__(self):
        s = self.name
        if self.annotation is not _empty:
            s += ": " + formatannotation(self.annotation)
        if self.default is not _empty:
            if self.annotation is not _empty:
                s += " = " + repr(self.default)
            else:
                s += "=" + repr(self.default)
        if self.kind is Parameter.VAR_POSITIONAL:
            s = "*" + s
        elif self.kind is Parameter.VAR_KEYWORD:
            s = "**" + s
        return s

    def __repr__(self):
        return '<Parameter "%s">' % self


class Signature:
    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty):
        self.parameters = {p.name: p for p in (parameters or ())}
        self.return_annotation = return_annotation

    def __str__(self):
        out = []
        seen_posonly = False
        star_done = False
        for p in self.parameters.values():
            if p.kind is Parameter.POSITIONAL_ONLY:
                seen_posonly = True
            elif seen_posonly:
                out.append("/")
                seen_posonly = False
            if p.kind is Parameter.VAR_POSITIONAL:
                star_done = True
            elif p.kind is Parameter.KEYWORD_ONLY and not star_done:
                out.append("*")
                star_done = True
            out.append(str(p))
        if seen_posonly:
            out.append("/")
        text = "(%s)" % ", ".join(out)
        if self.return_annotation is not _empty:
            text += " -> " + formatannotation(self.return_annotation)
        return text

    def __repr__(self):
        return "<Signature %s>" % self

    def bind(self, *args, **kwargs):
        raise NotImplementedError("Signature.bind is not supported")


def formatannotation(annotation):
    if isinstance(annotation, type):
        if annotation.__module__ == "builtins":
            return annotation.__qualname__
        return annotation.__module__ + "." + annotation.__qualname__
    return repr(annotation).replace("typing.", "")


def signature(obj):
    bound = False
    if ismethod(obj):
        obj = obj.__func__
        bound = True
    if not isfunction(obj):
        if isclass(obj) and isfunction(getattr(obj, "__init__", None)):
            obj = obj.__init__
            bound = True
        else:
            raise ValueError("no signature found for %r" % (obj,))
    c = obj.__code__
    names = c.co_varnames
    npos = c.co_argcount
    nkw = c.co_kwonlyargcount
    defaults = obj.__defaults__ or ()
    kwdefaults = obj.__kwdefaults__ or {}
    params = []
    first_default = npos - len(defaults)
    for i in range(npos):
        kind = Parameter.POSITIONAL_ONLY if i < c.co_posonlyargcount else Parameter.POSITIONAL_OR_KEYWORD
        d = defaults[i - first_default] if i >= first_default else _empty
        params.append(Parameter(names[i], kind, default=d))
    k = npos
    varargs = None
    if c.co_flags & 0x4:
        varargs = Parameter(names[npos + nkw], Parameter.VAR_POSITIONAL)
    kwonly = []
    for i in range(nkw):
        n = names[npos + i]
        kwonly.append(Parameter(n, Parameter.KEYWORD_ONLY, default=kwdefaults.get(n, _empty)))
    if varargs is not None:
        params.append(varargs)
    params.extend(kwonly)
    if c.co_flags & 0x8:
        idx = npos + nkw + (1 if c.co_flags & 0x4 else 0)
        params.append(Parameter(names[idx], Parameter.VAR_KEYWORD))
    if bound and params:
        params = params[1:]
    ann = getattr(obj, "__annotations__", None) or {}
    for p in params:
        p.annotation = ann.get(p.name, _empty)
    return Signature(params, return_annotation=ann.get("return", _empty))
