# array: typed arrays of numbers (or unicode characters). The items are
# kept as a list of Python values, checked and converted as CPython's C
# array converts them; their machine representation (tobytes, frombytes,
# byteswap) is made by _struct, little-endian, with CPython's item sizes on
# a 64-bit Linux (l and L are 8 bytes, u is 4).

import _struct

typecodes = "bBuhHiIlLqQfd"

_SIZES = {"b": 1, "B": 1, "u": 4, "h": 2, "H": 2, "i": 4, "I": 4,
          "l": 8, "L": 8, "q": 8, "Q": 8, "f": 4, "d": 8}
_PACK = {"b": "b", "B": "B", "u": "I", "h": "h", "H": "H", "i": "i", "I": "I",
         "l": "q", "L": "Q", "q": "q", "Q": "Q", "f": "f", "d": "d"}


def _index(v):
    if isinstance(v, int):
        return int(v)
    index = getattr(type(v), "__index__", None)
    if index is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    return index(v)


def _long(v):
    v = _index(v)
    if not -(1 << 63) <= v < (1 << 63):
        raise OverflowError("Python int too large to convert to C long")
    return v


def _ranged(v, lo, hi, what):
    if v < lo:
        raise OverflowError("%s is less than minimum" % what)
    if v > hi:
        raise OverflowError("%s is greater than maximum" % what)
    return v


def _short(v):
    return _ranged(_long(v), -(1 << 15), (1 << 15) - 1, "signed short integer")


def _int(v):
    return _ranged(_long(v), -(1 << 31), (1 << 31) - 1, "signed integer")


def _ulong(v):
    v = _index(v)
    if v < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if v >= (1 << 64):
        raise OverflowError("Python int too large to convert to C unsigned long")
    return v


def _float(v, single):
    if isinstance(v, float):
        f = v
    elif isinstance(v, int):
        f = float(v)
    else:
        conv = getattr(type(v), "__float__", None)
        if conv is None:
            conv = getattr(type(v), "__index__", None)
        if conv is None:
            raise TypeError("must be real number, not %s" % type(v).__name__)
        f = float(conv(v))
    if single:
        f = _struct.unpack("<f", _struct.pack("<f", f))[0]
    return f


def _convert(tc, v):
    if tc == "b":
        return _ranged(_short(v), -128, 127, "signed char")
    if tc == "B":
        return _ranged(_long(v), 0, 255, "unsigned byte integer")
    if tc == "h":
        return _short(v)
    if tc == "H":
        return _ranged(_int(v), 0, (1 << 16) - 1, "unsigned short")
    if tc == "i":
        return _int(v)
    if tc == "I":
        v = _ulong(v)
        if v > (1 << 32) - 1:
            raise OverflowError("unsigned int is greater than maximum")
        return v
    if tc == "l":
        return _long(v)
    if tc == "L":
        return _ulong(v)
    if tc == "q":
        v = _index(v)
        if not -(1 << 63) <= v < (1 << 63):
            raise OverflowError("int too big to convert")
        return v
    if tc == "Q":
        v = _index(v)
        if v < 0:
            raise OverflowError("can't convert negative int to unsigned")
        if v >= (1 << 64):
            raise OverflowError("int too big to convert")
        return v
    if tc == "f":
        return _float(v, True)
    if tc == "d":
        return _float(v, False)
    if not isinstance(v, str) or len(v) != 1:
        raise TypeError("array item must be unicode character")
    return v


def _check_typecode(tc):
    if not isinstance(tc, str) or len(tc) != 1:
        if isinstance(tc, str):
            raise TypeError("array() argument 1 must be a unicode character, not str")
        raise TypeError("array() argument 1 must be a unicode character, not %s" % type(tc).__name__)
    if tc not in _SIZES:
        raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")


class array:
    __slots__ = ("_tc", "_items")

    def __new__(cls, typecode, initializer=None, /):
        _check_typecode(typecode)
        self = object.__new__(cls)
        self._tc = typecode
        self._items = []
        if initializer is None:
            return self
        if isinstance(initializer, str):
            if typecode != "u":
                raise TypeError("cannot use a str to initialize an array with typecode '%s'" % typecode)
            self._items = list(initializer)
        elif isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, array):
            if initializer._tc == "u" and typecode != "u":
                raise TypeError("cannot use a unicode array to initialize an array with typecode '%s'" % typecode)
            self._items = [_convert(typecode, v) for v in initializer._items]
        else:
            self.extend(initializer)
        return self

    def __init__(self, *args, **kwargs):
        pass

    @property
    def typecode(self):
        return self._tc

    @property
    def itemsize(self):
        return _SIZES[self._tc]

    def __len__(self):
        return len(self._items)

    def __repr__(self):
        name = type(self).__name__
        if not self._items:
            return "%s(%r)" % (name, self._tc)
        if self._tc == "u":
            return "%s(%r, %r)" % (name, self._tc, "".join(self._items))
        return "%s(%r, %r)" % (name, self._tc, self._items)

    def __iter__(self):
        i = 0
        items = self._items
        while i < len(items):
            yield items[i]
            i += 1

    def __contains__(self, v):
        return v in self._items

    def __getitem__(self, i):
        if isinstance(i, slice):
            new = array(self._tc)
            new._items = self._items[i]
            return new
        i = _index(i)
        try:
            return self._items[i]
        except IndexError:
            raise IndexError("array index out of range") from None

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError('can only assign array (not "%s") to array slice' % type(v).__name__)
            if v._tc != self._tc:
                raise TypeError("bad argument type for built-in operation")
            self._items[i] = list(v._items)
            return
        i = _index(i)
        v = _convert(self._tc, v)
        try:
            self._items[i] = v
        except IndexError:
            raise IndexError("array assignment index out of range") from None

    def __delitem__(self, i):
        if isinstance(i, slice):
            del self._items[i]
            return
        i = _index(i)
        try:
            del self._items[i]
        except IndexError:
            raise IndexError("array assignment index out of range") from None

    def _same(self, other):
        if not isinstance(other, array):
            raise TypeError("can only append array (not \"%s\") to array" % type(other).__name__)
        if other._tc != self._tc:
            raise TypeError("bad argument type for built-in operation")

    def __add__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        self._same(other)
        new = array(self._tc)
        new._items = self._items + other._items
        return new

    def __iadd__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        self._same(other)
        self._items += other._items
        return self

    def __mul__(self, n):
        if not isinstance(n, int) and getattr(type(n), "__index__", None) is None:
            raise TypeError("can't multiply sequence by non-int of type '%s'" % type(n).__name__)
        new = array(self._tc)
        new._items = self._items * _index(n)
        return new

    __rmul__ = __mul__

    def __imul__(self, n):
        if not isinstance(n, int) and getattr(type(n), "__index__", None) is None:
            raise TypeError("can't multiply sequence by non-int of type '%s'" % type(n).__name__)
        self._items *= _index(n)
        return self

    def _cmp(self, other):
        if not isinstance(other, array):
            return None
        return self._items, other._items

    def __eq__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] == p[1]

    def __ne__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] != p[1]

    def __lt__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] < p[1]

    def __le__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] <= p[1]

    def __gt__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] > p[1]

    def __ge__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] >= p[1]

    def __hash__(self):
        raise TypeError("unhashable type: 'array.array'")

    def append(self, v, /):
        self._items.append(_convert(self._tc, v))

    def extend(self, iterable, /):
        if isinstance(iterable, array):
            if iterable._tc != self._tc:
                raise TypeError("can only extend with array of same kind")
            self._items.extend(iterable._items)
            return
        tc = self._tc
        add = self._items.append
        for v in iterable:
            add(_convert(tc, v))

    def insert(self, i, v, /):
        i = _index(i)
        self._items.insert(i, _convert(self._tc, v))

    def pop(self, i=-1, /):
        i = _index(i)
        if not self._items:
            raise IndexError("pop from empty array")
        try:
            return self._items.pop(i)
        except IndexError:
            raise IndexError("pop index out of range") from None

    def remove(self, v, /):
        for k, x in enumerate(self._items):
            if x == v:
                del self._items[k]
                return
        raise ValueError("array.remove(x): x not in array")

    def index(self, v, start=0, stop=None, /):
        n = len(self._items)
        start = _index(start)
        stop = n if stop is None else _index(stop)
        if start < 0:
            start = max(start + n, 0)
        if stop < 0:
            stop = max(stop + n, 0)
        for k in range(start, min(stop, n)):
            if self._items[k] == v:
                return k
        raise ValueError("array.index(x): x not in array")

    def count(self, v, /):
        return sum(1 for x in self._items if x == v)

    def reverse(self):
        self._items.reverse()

    def tolist(self):
        return list(self._items)

    def fromlist(self, items, /):
        if not isinstance(items, list):
            raise TypeError("arg must be list")
        tc = self._tc
        self._items.extend([_convert(tc, v) for v in items])

    def tobytes(self):
        if self._tc == "u":
            vals = [ord(c) for c in self._items]
        else:
            vals = self._items
        return _struct.pack("<%d%s" % (len(vals), _PACK[self._tc]), *vals)

    def frombytes(self, data, /):
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        if isinstance(data, array):
            data = data.tobytes()
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)
        size = _SIZES[self._tc]
        if len(data) % size:
            raise ValueError("bytes length not a multiple of item size")
        vals = _struct.unpack("<%d%s" % (len(data) // size, _PACK[self._tc]), bytes(data))
        if self._tc == "u":
            vals = [chr(c) for c in vals]
        self._items.extend(vals)

    def tounicode(self):
        if self._tc != "u":
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return "".join(self._items)

    def fromunicode(self, s, /):
        if not isinstance(s, str):
            raise TypeError("fromunicode() argument must be str, not %s" % type(s).__name__)
        if self._tc != "u":
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        self._items.extend(s)

    def byteswap(self):
        size = _SIZES[self._tc]
        if size == 1:
            return
        raw = self.tobytes()
        swapped = b"".join(raw[k:k + size][::-1] for k in range(0, len(raw), size))
        del self._items[:]
        self.frombytes(swapped)

    def buffer_info(self):
        return (id(self), len(self._items))

    def __copy__(self):
        return array(self._tc, self)

    def __deepcopy__(self, memo):
        return array(self._tc, self)

    def __ys_buffer__(self):
        return self.tobytes()

    def __reduce_ex__(self, protocol):
        return (type(self), (self._tc, list(self._items)))


ArrayType = array
