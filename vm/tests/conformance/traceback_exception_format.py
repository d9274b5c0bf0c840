import traceback


def inner():
    raise ValueError("bad value")


def outer():
    try:
        inner()
    except ValueError as e:
        raise KeyError("k") from e


try:
    outer()
except KeyError as e:
    te = traceback.TracebackException(type(e), e, e.__traceback__)
    print("".join(te.format()), end="")
    print(te.exc_type.__name__, list(te.format_exception_only()))
    print([f.name for f in traceback.extract_tb(e.__traceback__)])
