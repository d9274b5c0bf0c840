# memoryview over bytes and bytearray, written in Python: item formats of
# the struct module's native single-letter codes, casts between them,
# indexing, slicing, `tolist`, `tobytes`, `hex`, `release` and the context
# manager protocol. A view of a bytearray reads and writes through to it.

_SIZES = {"B": 1, "b": 1, "c": 1, "H": 2, "h": 2, "I": 4, "i": 4,
          "L": 8, "l": 8, "Q": 8, "q": 8, "N": 8, "n": 8, "P": 8, "?": 1}


class memoryview:
    __module__ = "builtins"

    def __init__(self, object):
        if isinstance(object, memoryview):
            object._check()
            self.obj = object.obj
            self._start = object._start
            self._stop = object._stop
            self.format = object.format
            self.itemsize = object.itemsize
        elif isinstance(object, (bytes, bytearray)):
            self.obj = object
            self._start = 0
            self._stop = len(object)
            self.format = "B"
            self.itemsize = 1
        else:
            raise TypeError(
                "memoryview: a bytes-like object is required, not '%s'"
                % type(object).__name__
            )
        self.readonly = isinstance(self.obj, bytes)
        self._released = False

    def _check(self):
        if self._released:
            raise ValueError("operation forbidden on released memoryview object")

    def _raw(self):
        return bytes(self.obj[self._start:self._stop])

    @property
    def nbytes(self):
        self._check()
        return self._stop - self._start

    @property
    def ndim(self):
        return 1

    @property
    def shape(self):
        return (len(self),)

    @property
    def strides(self):
        return (self.itemsize,)

    @property
    def contiguous(self):
        return True

    c_contiguous = f_contiguous = contiguous

    def __len__(self):
        self._check()
        return (self._stop - self._start) // self.itemsize

    def _item(self, raw):
        f = self.format
        if f == "c":
            return raw
        if f == "?":
            return raw != b"\x00"
        return int.from_bytes(raw, "little", signed=f.islower() and f != "c")

    def __getitem__(self, i):
        self._check()
        n = len(self)
        if isinstance(i, slice):
            start, stop, step = i.indices(n)
            if step != 1:
                raise NotImplementedError("memoryview: slices with a step are not supported")
            v = memoryview(self)
            v._start = self._start + start * self.itemsize
            v._stop = self._start + max(start, stop) * self.itemsize
            return v
        i = i.__index__() if not isinstance(i, int) else i
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("index out of bounds on dimension 1")
        at = self._start + i * self.itemsize
        return self._item(bytes(self.obj[at:at + self.itemsize]))

    def __setitem__(self, i, value):
        self._check()
        if self.readonly:
            raise TypeError("cannot modify read-only memory")
        n = len(self)
        if isinstance(i, slice):
            start, stop, step = i.indices(n)
            data = bytes(value)
            if len(data) != (stop - start) * self.itemsize:
                raise ValueError(
                    "memoryview assignment: lvalue and rvalue have different structures"
                )
            a = self._start + start * self.itemsize
            self.obj[a:a + len(data)] = data
            return
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("index out of bounds on dimension 1")
        at = self._start + i * self.itemsize
        if self.format == "c":
            data = value
        else:
            data = int(value).to_bytes(self.itemsize, "little", signed=self.format.islower())
        self.obj[at:at + self.itemsize] = data

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def cast(self, format, shape=None):
        self._check()
        if format not in _SIZES:
            raise ValueError(
                "memoryview: destination format must be a native single character format prefixed with an optional '@'"
            )
        size = _SIZES[format]
        if self.nbytes % size:
            raise TypeError("memoryview: length is not a multiple of itemsize")
        v = memoryview(self)
        v.format = format
        v.itemsize = size
        return v

    def tolist(self):
        self._check()
        return list(self)

    def tobytes(self, order=None):
        self._check()
        return self._raw()

    def hex(self, *args):
        self._check()
        return self._raw().hex(*args)

    def toreadonly(self):
        v = memoryview(self)
        v.readonly = True
        return v

    def release(self):
        self._released = True

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.release()

    def __bytes__(self):
        return self.tobytes()

    def __eq__(self, other):
        if isinstance(other, memoryview):
            return self.tolist() == other.tolist()
        if isinstance(other, (bytes, bytearray)):
            return self._raw() == bytes(other)
        return NotImplemented

    def __hash__(self):
        if not self.readonly:
            raise ValueError("cannot hash writable memoryview object")
        return hash(self._raw())

    def __repr__(self):
        if self._released:
            return "<released memory at 0x%x>" % id(self)
        return "<memory at 0x%x>" % id(self)
