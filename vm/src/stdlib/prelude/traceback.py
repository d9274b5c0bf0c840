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
