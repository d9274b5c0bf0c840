# _codecs: the codec registry and the utf-8, ascii and latin-1 codecs that
# CPython's codecs module is built on, over the VM's str.encode and
# bytes.decode. Other encodings come from registered search functions
# (CPython's `encodings` package registers one when it can be imported).

_search_functions = []
_cache = {}
_error_handlers = {}


def _normalize(encoding):
    return encoding.lower().replace(" ", "_")


def register(search_function):
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_functions.append(search_function)


def unregister(search_function):
    if search_function in _search_functions:
        _search_functions.remove(search_function)
    _cache.clear()


def _builtin_info(name):
    table = {
        "utf_8": ("utf-8", utf_8_encode, utf_8_decode),
        "utf8": ("utf-8", utf_8_encode, utf_8_decode),
        "utf-8": ("utf-8", utf_8_encode, utf_8_decode),
        "ascii": ("ascii", ascii_encode, ascii_decode),
        "us-ascii": ("ascii", ascii_encode, ascii_decode),
        "us_ascii": ("ascii", ascii_encode, ascii_decode),
        "latin_1": ("iso8859-1", latin_1_encode, latin_1_decode),
        "latin-1": ("iso8859-1", latin_1_encode, latin_1_decode),
        "latin1": ("iso8859-1", latin_1_encode, latin_1_decode),
        "iso-8859-1": ("iso8859-1", latin_1_encode, latin_1_decode),
        "iso8859-1": ("iso8859-1", latin_1_encode, latin_1_decode),
    }
    entry = table.get(name)
    if entry is None:
        return None
    try:
        import codecs
    except ImportError:
        return (entry[1], entry[2], None, None)
    return codecs.CodecInfo(entry[1], entry[2], name=entry[0])


def lookup(encoding):
    if not isinstance(encoding, str):
        raise TypeError("lookup() argument must be str, not %s" % type(encoding).__name__)
    name = _normalize(encoding)
    if name in _cache:
        return _cache[name]
    if not _search_functions:
        try:
            import encodings  # registers its search function
        except ImportError:
            pass
    for search in list(_search_functions):
        info = search(name)
        if info is not None:
            if not isinstance(info, tuple) or len(info) != 4:
                raise TypeError("codec search functions must return 4-tuples")
            _cache[name] = info
            return info
    info = _builtin_info(name)
    if info is not None:
        _cache[name] = info
        return info
    raise LookupError("unknown encoding: %s" % encoding)


def _fast(encoding):
    name = _normalize(encoding).replace("-", "_")
    if name in ("utf_8", "utf8"):
        return "utf-8"
    if name in ("ascii", "us_ascii"):
        return "ascii"
    if name in ("latin_1", "latin1", "iso_8859_1", "iso8859_1"):
        return "latin-1"
    return None


def encode(obj, encoding="utf-8", errors="strict"):
    fast = _fast(encoding)
    if fast is not None and isinstance(obj, str):
        return obj.encode(fast, errors)
    result = lookup(encoding)[0](obj, errors)
    return result[0]


def decode(obj, encoding="utf-8", errors="strict"):
    fast = _fast(encoding)
    if fast is not None and isinstance(obj, (bytes, bytearray)):
        return bytes(obj).decode(fast, errors)
    result = lookup(encoding)[1](obj, errors)
    return result[0]


def _errors(errors):
    return "strict" if errors is None else errors


def utf_8_encode(str, errors=None):
    return (str.encode("utf-8", _errors(errors)), len(str))


def _complete_utf8(data):
    # The length of the prefix of `data` that does not end inside a
    # multi-byte sequence still waiting for its continuation bytes.
    n = len(data)
    for back in range(1, min(4, n) + 1):
        b = data[n - back]
        if b & 0xC0 == 0x80:
            continue
        need = 2 if b & 0xE0 == 0xC0 else 3 if b & 0xF0 == 0xE0 else 4 if b & 0xF8 == 0xF0 else 1
        return n - back if need > back else n
    return n


def utf_8_decode(data, errors=None, final=False):
    data = bytes(data)
    end = len(data) if final else _complete_utf8(data)
    return (data[:end].decode("utf-8", _errors(errors)), end)


def ascii_encode(str, errors=None):
    return (str.encode("ascii", _errors(errors)), len(str))


def ascii_decode(data, errors=None):
    data = bytes(data)
    return (data.decode("ascii", _errors(errors)), len(data))


def latin_1_encode(str, errors=None):
    return (str.encode("latin-1", _errors(errors)), len(str))


def latin_1_decode(data, errors=None):
    data = bytes(data)
    return (data.decode("latin-1", _errors(errors)), len(data))


def _strict(exc):
    raise exc


def _ignore(exc):
    if isinstance(exc, (UnicodeEncodeError, UnicodeDecodeError)):
        return ("", exc.end)
    raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def _replace(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ("?" * (exc.end - exc.start), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        return ("\ufffd", exc.end)
    raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def _backslashreplace(exc):
    if isinstance(exc, UnicodeEncodeError):
        out = []
        for ch in exc.object[exc.start:exc.end]:
            c = ord(ch)
            if c < 0x100:
                out.append("\\x%02x" % c)
            elif c < 0x10000:
                out.append("\\u%04x" % c)
            else:
                out.append("\\U%08x" % c)
        return ("".join(out), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        return ("".join("\\x%02x" % b for b in exc.object[exc.start:exc.end]), exc.end)
    raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def _xmlcharrefreplace(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ("".join("&#%d;" % ord(ch) for ch in exc.object[exc.start:exc.end]), exc.end)
    raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


_error_handlers.update({
    "strict": _strict,
    "ignore": _ignore,
    "replace": _replace,
    "backslashreplace": _backslashreplace,
    "xmlcharrefreplace": _xmlcharrefreplace,
})


def register_error(errors, handler):
    if not callable(handler):
        raise TypeError("handler must be callable")
    _error_handlers[errors] = handler


def lookup_error(name):
    try:
        return _error_handlers[name]
    except KeyError:
        raise LookupError("unknown error handler name '%s'" % name) from None
