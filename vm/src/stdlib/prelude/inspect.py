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
    if not isfunction(obj):
        return False
    return bool(_i._code(obj)[5] & 0x20)


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


def iscoroutinefunction(obj):
    return False


def isasyncgenfunction(obj):
    return False


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
