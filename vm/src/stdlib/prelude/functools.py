from collections import namedtuple as _namedtuple

_CacheInfo = _namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])
_kwd_mark = (object(),)


def _lru_wrapper(user_function, maxsize):
    cache = {}
    stats = [0, 0]

    def wrapper(*args, **kwds):
        key = args
        if kwds:
            key = args + _kwd_mark + tuple(kwds.items())
        if key in cache:
            stats[0] += 1
            value = cache.pop(key)
            cache[key] = value
            return value
        stats[1] += 1
        result = user_function(*args, **kwds)
        cache[key] = result
        if maxsize is not None and len(cache) > maxsize:
            del cache[next(iter(cache))]
        return result

    def cache_info():
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        cache.clear()
        stats[0] = stats[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wraps(user_function)(wrapper)


def lru_cache(maxsize=128, typed=False):
    if callable(maxsize) and not isinstance(maxsize, bool):
        return _lru_wrapper(maxsize, 128)
    if maxsize is not None and maxsize < 0:
        maxsize = 0

    def decorating_function(user_function):
        return _lru_wrapper(user_function, maxsize)

    return decorating_function


def cache(user_function):
    return _lru_wrapper(user_function, None)


def _derive(root, negate, with_eq):
    # An ordering method from the class's `root` one: `root` (negated when
    # `negate`), combined with `==` (`or`) or `!=` (`and`) when `with_eq` says.
    def method(self, other):
        r = getattr(type(self), root)(self, other)
        if r is NotImplemented:
            return r
        if negate:
            r = not r
        if with_eq == "or":
            return r or self == other
        if with_eq == "and":
            return r and self != other
        return r

    return method


# For each root: the other three methods as (name, negate, combine).
_DERIVED = {
    "__lt__": [("__gt__", True, "and"), ("__le__", False, "or"), ("__ge__", True, None)],
    "__le__": [("__ge__", True, "or"), ("__lt__", False, "and"), ("__gt__", True, None)],
    "__gt__": [("__lt__", True, "and"), ("__ge__", False, "or"), ("__le__", True, None)],
    "__ge__": [("__le__", True, "or"), ("__gt__", False, "and"), ("__lt__", True, None)],
}


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods"""
    roots = {
        op
        for op in _DERIVED
        if getattr(cls, op, None) is not getattr(object, op, None)
    }
    if not roots:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = max(roots)
    for name, negate, with_eq in _DERIVED[root]:
        if name not in roots:
            f = _derive(root, negate, with_eq)
            f.__name__ = name
            f.__qualname__ = f"{cls.__qualname__}.{name}"
            setattr(cls, name, f)
    return cls


from _functools import cmp_to_key

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Copies the named attributes of `wrapped` onto `wrapper`."""
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            continue
        setattr(wrapper, attr, value)
    for attr in updated:
        for k, v in getattr(wrapped, attr, {}).items():
            if not hasattr(wrapper, k):
                setattr(wrapper, k, v)
    wrapper.__wrapped__ = wrapped
    return wrapper


class cached_property:
    """A property computed once per instance and then kept in its __dict__."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r})."
            )

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError(
                "Cannot use cached_property instance without calling __set_name__ on it.")
        val = self.func(instance)
        setattr(instance, self.attrname, val)
        return val
