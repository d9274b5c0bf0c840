# The hash objects of the built-in hash modules (_md5, _sha1, _sha256,
# _sha512, _sha3, _blake2). The bytes fed so far are kept as plain data and
# hashed natively (_digest) when a digest is asked for.


def _as_bytes(data):
    if isinstance(data, str):
        raise TypeError("Strings must be encoded before hashing")
    if isinstance(data, (bytes, bytearray)):
        return data
    buf = getattr(type(data), "__ys_buffer__", None)
    if buf is not None:
        return buf(data)
    raise TypeError("object supporting the buffer API required")


class _Hash:
    name = ""
    digest_size = 0
    block_size = 0
    _length = 0

    def __init__(self, data=b"", *, usedforsecurity=True, string=None):
        if string is not None:
            if data:
                raise TypeError("'data' and 'string' are mutually exclusive and support for 'string' keyword parameter is slated for removal in a future version.")
            data = string
        self._data = bytearray()
        if data:
            self._data += _as_bytes(data)
        elif not isinstance(data, (bytes, bytearray)):
            _as_bytes(data)

    def update(self, data, /):
        self._data += _as_bytes(data)

    def digest(self):
        return _digest(self.name, self._data, self.digest_size)

    def hexdigest(self):
        return self.digest().hex()

    def copy(self):
        c = object.__new__(type(self))
        c.__dict__.update(self.__dict__)
        c._data = bytearray(self._data)
        return c


class _Shake(_Hash):
    def digest(self, length):
        if length < 0:
            raise ValueError("negative digest length")
        return _digest(self.name, self._data, length)

    def hexdigest(self, length):
        return self.digest(length).hex()


def _hash_class(name, digest_size, block_size, base=_Hash):
    return type(name, (base,), {"name": name, "digest_size": digest_size,
                                "block_size": block_size, "__module__": __name__})
