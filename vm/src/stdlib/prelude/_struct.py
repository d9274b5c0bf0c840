# The Python half of `_struct`: `error`, the module functions and `Struct`
# over the natives `calcsize`, `_pack` and `_unpack` (see _struct.rs).

__doc__ = """Functions to convert between Python values and C structs.
Python bytes objects are used to hold the data representing the C struct
and also as format strings (explained below) to describe the layout of data
in the C struct.
"""


class error(Exception):
    __module__ = "struct"


_native_calcsize = calcsize


def _check(r):
    if type(r) is str:
        raise error(r)
    return r


def calcsize(format):
    return _check(_native_calcsize(format))


def _buflen(buffer):
    if not isinstance(buffer, (bytes, bytearray)):
        raise TypeError("a bytes-like object is required, not '%s'" % type(buffer).__name__)
    return len(buffer)


def pack(format, *values):
    return _check(_pack(format, values, None, 0))


def unpack(format, buffer):
    _buflen(buffer)
    return _check(_unpack(format, buffer, 0, True))


def _offset(what, format, buffer, offset, verb):
    size = calcsize(format)
    n = _buflen(buffer)
    if offset < 0:
        if offset + n < 0:
            raise error("offset %d out of range for %d-byte buffer" % (offset, n))
        offset += n
    if n - offset < size:
        raise error(
            "%s requires a buffer of at least %d bytes for %s %d bytes at offset %d "
            "(actual buffer size is %d)" % (what, size + offset, verb, size, offset, n)
        )
    return offset


def unpack_from(format, /, buffer, offset=0):
    offset = _offset("unpack_from", format, buffer, offset, "unpacking")
    return _check(_unpack(format, buffer, offset, False))


def pack_into(format, buffer, offset, *values):
    if not isinstance(buffer, bytearray):
        raise TypeError("argument must be read-write bytes-like object, not %s" % type(buffer).__name__)
    data = pack(format, *values)
    offset = _offset("pack_into", format, buffer, offset, "packing")
    buffer[offset:offset + len(data)] = data


def iter_unpack(format, buffer):
    size = calcsize(format)
    n = _buflen(buffer)
    if size == 0:
        raise error("cannot iteratively unpack with a struct of length 0")
    if n % size:
        raise error("iterative unpacking requires a buffer of a multiple of %d bytes" % size)
    return (_check(_unpack(format, buffer, i, False)) for i in range(0, n, size))


def _clearcache():
    pass


class Struct:
    __module__ = "_struct"

    def __init__(self, format):
        if isinstance(format, bytes):
            format = format.decode("ascii")
        elif not isinstance(format, str):
            raise TypeError(
                "Struct() argument 1 must be a str or bytes object, not %s" % type(format).__name__
            )
        self.format = format
        self.size = calcsize(format)

    def pack(self, *values):
        return pack(self.format, *values)

    def pack_into(self, buffer, offset, *values):
        return pack_into(self.format, buffer, offset, *values)

    def unpack(self, buffer):
        return unpack(self.format, buffer)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self.format, buffer, offset)

    def iter_unpack(self, buffer):
        return iter_unpack(self.format, buffer)
