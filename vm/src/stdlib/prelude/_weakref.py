# Names CPython's _weakref has beyond what the weakref prelude defines.


def _remove_dead_weakref(d, key):
    try:
        wr = d[key]
    except KeyError:
        return
    if wr() is None:
        del d[key]
