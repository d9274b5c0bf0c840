# atexit: functions registered here run when the program ends (last
# registered first), before the main module is torn down. An exception in
# one is reported as CPython reports it, and the others still run.

_callbacks = []


def register(func, *args, **kwargs):
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func):
    _callbacks[:] = [c for c in _callbacks if c[0] != func]


def _clear():
    del _callbacks[:]


def _ncallbacks():
    return len(_callbacks)


def _report(func, exc):
    import sys
    import _introspect

    lines = _introspect._format_exception(exc).splitlines(True)
    kept = []
    skipping = False
    for line in lines:
        if line.startswith('  File "<frozen atexit>"'):
            skipping = True
            continue
        if skipping and line.startswith("    "):
            continue
        skipping = False
        kept.append(line)
    sys.stderr.write("Exception ignored in atexit callback: %r\n" % (func,))
    sys.stderr.write("".join(kept))


def _run_exitfuncs():
    while _callbacks:
        func, args, kwargs = _callbacks.pop()
        try:
            func(*args, **kwargs)
        except BaseException as exc:
            _report(func, exc)
