# The Python part of _functools: cmp_to_key (reduce and partial are the
# VM's natives).


class KeyWrapper:
    __module__ = "functools"
    __slots__ = ("cmp", "obj")
    __hash__ = None

    def __init__(self, cmp, obj):
        self.cmp = cmp
        self.obj = obj

    def _other(self, other):
        if not isinstance(other, KeyWrapper):
            raise TypeError("other argument must be K instance")
        return other.obj

    def __lt__(self, other):
        return self.cmp(self.obj, self._other(other)) < 0

    def __gt__(self, other):
        return self.cmp(self.obj, self._other(other)) > 0

    def __eq__(self, other):
        return self.cmp(self.obj, self._other(other)) == 0

    def __le__(self, other):
        return self.cmp(self.obj, self._other(other)) <= 0

    def __ge__(self, other):
        return self.cmp(self.obj, self._other(other)) >= 0


def cmp_to_key(mycmp):
    def key(obj):
        return KeyWrapper(mycmp, obj)

    return key
