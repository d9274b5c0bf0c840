def f():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise KeyError("second")
        except KeyError:
            pass
        raise


try:
    f()
except ValueError as e:
    print("re-raised", repr(e))
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
