# _io for the VM: the I/O class hierarchy CPython's `io` builds its ABCs on,
# in-memory streams (`StringIO`, `BytesIO`), and the file classes over the
# VM's own files. `open` is the built-in `open`: its reads are recorded
# inputs of the run (and refused when a recording is re-run without them),
# so every class here that touches a file goes through it.

import builtins as _builtins

DEFAULT_BUFFER_SIZE = 8192
open = _builtins.open

try:
    BlockingIOError = _builtins.BlockingIOError
except AttributeError:

    class BlockingIOError(OSError):
        __module__ = "builtins"

        def __init__(self, *args):
            OSError.__init__(self, *args)
            self.characters_written = args[2] if len(args) > 2 else 0


class UnsupportedOperation(OSError, ValueError):
    pass


def _index(v, what="argument should be integer or None, not '%s'"):
    if v is None:
        return -1
    if isinstance(v, int):
        return int(v)
    try:
        return v.__index__()
    except AttributeError:
        raise TypeError(what % type(v).__name__) from None


def _as_bytes(b):
    if isinstance(b, (bytes, bytearray)):
        return bytes(b)
    raise TypeError(
        "a bytes-like object is required, not '%s'" % type(b).__name__
    )


def _unsupported(name):
    raise UnsupportedOperation(name)


class _IOBase:
    """The abstract base class for all I/O classes."""

    def seek(self, pos, whence=0):
        _unsupported("seek")

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        _unsupported("truncate")

    def flush(self):
        self._checkClosed()

    def close(self):
        if not getattr(self, "_IOBase__closed", False):
            try:
                self.flush()
            finally:
                self._IOBase__closed = True

    @property
    def closed(self):
        return getattr(self, "_IOBase__closed", False)

    def seekable(self):
        return False

    def readable(self):
        return False

    def writable(self):
        return False

    def _checkClosed(self, msg=None):
        if self.closed:
            raise ValueError(
                "I/O operation on closed file." if msg is None else msg
            )

    def _checkSeekable(self, msg=None):
        if not self.seekable():
            raise UnsupportedOperation(
                "File or stream is not seekable." if msg is None else msg
            )

    def _checkReadable(self, msg=None):
        if not self.readable():
            raise UnsupportedOperation(
                "File or stream is not readable." if msg is None else msg
            )

    def _checkWritable(self, msg=None):
        if not self.writable():
            raise UnsupportedOperation(
                "File or stream is not writable." if msg is None else msg
            )

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def fileno(self):
        _unsupported("fileno")

    def isatty(self):
        self._checkClosed()
        return False

    def readline(self, size=-1):
        size = _index(size)
        peek = getattr(self, "peek", None)
        res = bytearray()
        while size < 0 or len(res) < size:
            if peek is not None:
                ahead = peek(1)
                if not ahead:
                    break
                n = ahead.find(b"\n") + 1 or len(ahead)
                if size >= 0:
                    n = min(n, size - len(res))
            else:
                n = 1
            b = self.read(n)
            if not b:
                break
            res += b
            if res.endswith(b"\n"):
                break
        return bytes(res)

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=None):
        hint = _index(hint, "integer argument expected, got '%s'")
        if hint <= 0:
            return list(self)
        n = 0
        lines = []
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)

    def __del__(self):
        pass


class _RawIOBase(_IOBase):
    """Base class for raw binary I/O."""

    def read(self, size=-1):
        size = _index(size)
        if size < 0:
            return self.readall()
        b = bytearray(size)
        n = self.readinto(b)
        if n is None:
            return None
        del b[n:]
        return bytes(b)

    def readall(self):
        res = bytearray()
        while True:
            data = self.read(DEFAULT_BUFFER_SIZE)
            if not data:
                break
            res += data
        return bytes(res)

    def readinto(self, b):
        raise NotImplementedError

    def write(self, b):
        raise NotImplementedError


class _BufferedIOBase(_IOBase):
    """Base class for buffered binary I/O."""

    def read(self, size=-1):
        _unsupported("read")

    def read1(self, size=-1):
        _unsupported("read1")

    def readinto(self, b):
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def readinto1(self, b):
        data = self.read1(len(b))
        n = len(data)
        b[:n] = data
        return n

    def write(self, b):
        _unsupported("write")

    def detach(self):
        _unsupported("detach")


class _TextIOBase(_IOBase):
    """Base class for text I/O."""

    def read(self, size=-1):
        _unsupported("read")

    def write(self, s):
        _unsupported("write")

    def readline(self, size=-1):
        _unsupported("readline")

    def detach(self):
        _unsupported("detach")

    @property
    def encoding(self):
        return None

    @property
    def newlines(self):
        return None

    @property
    def errors(self):
        return None


def _line_end(text, start, newline, limit):
    """Where the line starting at `start` ends (terminator included)."""
    end = len(text) if limit < 0 else min(len(text), start + limit)
    if newline is None or newline == "\n":
        i = text.find("\n", start, end)
        return end if i < 0 else i + 1
    if newline == "":
        i = start
        while i < end:
            c = text[i]
            if c == "\n":
                return i + 1
            if c == "\r":
                if i + 1 < end and text[i + 1] == "\n":
                    return i + 2
                return i + 1
            i += 1
        return end
    i = text.find(newline, start, end)
    return end if i < 0 else i + len(newline)


class StringIO(_TextIOBase):
    """Text I/O implementation using an in-memory buffer."""

    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(
                "newline must be str or None, not %s" % type(newline).__name__
            )
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(
                "initial_value must be str or None, not %s"
                % type(initial_value).__name__
            )
        self._newline = newline
        self._seen = 0
        self._buf = ""
        self._tail = []
        self._pos = 0
        self._closed = False
        if initial_value:
            self._write(initial_value)
            self._pos = 0

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def _text(self):
        if self._tail:
            self._buf = self._buf + "".join(self._tail)
            self._tail = []
        return self._buf

    def _size(self):
        if self._tail:
            return len(self._text())
        return len(self._buf)

    def _translate(self, s):
        nl = self._newline
        if nl is None:
            if "\r" in s:
                if "\r\n" in s:
                    self._seen |= 4
                if "\r" in s.replace("\r\n", ""):
                    self._seen |= 1
                s = s.replace("\r\n", "\n").replace("\r", "\n")
            if "\n" in s:
                self._seen |= 2
        elif nl in ("\r", "\r\n"):
            s = s.replace("\n", nl)
        return s

    def _write(self, s):
        s = self._translate(s)
        n = len(s)
        if not n:
            return
        pos = self._pos
        size = self._size()
        if pos == size:
            self._tail.append(s)
        else:
            text = self._text()
            if pos > size:
                text = text + "\0" * (pos - size)
            self._buf = text[:pos] + s + text[pos + n:]
        self._pos = pos + n

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        n = len(s)
        self._write(s)
        return n

    def getvalue(self):
        self._check()
        return self._text()

    def read(self, size=-1):
        self._check()
        size = _index(size)
        text = self._text()
        start = min(self._pos, len(text))
        end = len(text) if size < 0 else min(len(text), start + size)
        self._pos = max(self._pos, end)
        return text[start:end]

    def readline(self, size=-1):
        self._check()
        size = _index(size, "integer argument expected, got '%s'")
        text = self._text()
        start = self._pos
        if start >= len(text):
            return ""
        nl = self._newline
        end = _line_end(text, start, "\n" if nl is None else nl, size)
        self._pos = end
        return text[start:end]

    def __next__(self):
        self._check()
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._check()
        return self._pos

    def seek(self, pos, whence=0):
        self._check()
        pos = _index(pos, "an integer is required (got type %s)")
        whence = _index(whence, "an integer is required (got type %s)")
        if whence not in (0, 1, 2):
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        if whence == 0 and pos < 0:
            raise ValueError("Negative seek position %d" % pos)
        if whence != 0 and pos != 0:
            raise OSError(
                "Can't do nonzero cur-relative seeks"
                if whence == 1
                else "Can't do nonzero end-relative seeks"
            )
        if whence == 1:
            pos = self._pos
        elif whence == 2:
            pos = self._size()
        self._pos = pos
        return pos

    def truncate(self, pos=None):
        self._check()
        if pos is None:
            pos = self._pos
        else:
            pos = _index(pos, "an integer is required (got type %s)")
        if pos < 0:
            raise ValueError("Negative size value %d" % pos)
        text = self._text()
        if pos < len(text):
            self._buf = text[:pos]
        return pos

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def close(self):
        self._closed = True

    @property
    def closed(self):
        return self._closed

    @property
    def line_buffering(self):
        self._check()
        return False

    @property
    def newlines(self):
        self._check()
        if self._newline is not None:
            return None
        return (None, "\r", "\n", ("\r", "\n"), "\r\n", ("\r", "\r\n"),
                ("\n", "\r\n"), ("\r", "\n", "\r\n"))[self._seen]

    def __getstate__(self):
        self._check()
        return (self._text(), self._newline, self._pos, dict(self.__dict__))


class BytesIO(_BufferedIOBase):
    """Buffered I/O implementation using an in-memory bytes buffer."""

    def __init__(self, initial_bytes=b""):
        if initial_bytes is None:
            initial_bytes = b""
        self._buf = bytearray(_as_bytes(initial_bytes))
        self._pos = 0
        self._closed = False

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    def getvalue(self):
        self._check()
        return bytes(self._buf)

    def getbuffer(self):
        self._check()
        try:
            return memoryview(self._buf)
        except NameError:
            raise UnsupportedOperation("getbuffer") from None

    def read(self, size=-1):
        self._check()
        size = _index(size)
        buf = self._buf
        start = min(self._pos, len(buf))
        end = len(buf) if size < 0 else min(len(buf), start + size)
        self._pos = max(self._pos, end)
        return bytes(buf[start:end])

    read1 = read

    def readline(self, size=-1):
        self._check()
        size = _index(size)
        buf = self._buf
        start = self._pos
        if start >= len(buf):
            return b""
        end = len(buf) if size < 0 else min(len(buf), start + size)
        i = buf.find(b"\n", start, end)
        if i >= 0:
            end = i + 1
        self._pos = end
        return bytes(buf[start:end])

    def __next__(self):
        self._check()
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readinto(self, b):
        self._check()
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    readinto1 = readinto

    def write(self, b):
        self._check()
        data = _as_bytes(b)
        n = len(data)
        if not n:
            return 0
        pos = self._pos
        buf = self._buf
        if pos > len(buf):
            buf.extend(bytes(pos - len(buf)))
        buf[pos:pos + n] = data
        self._pos = pos + n
        return n

    def tell(self):
        self._check()
        return self._pos

    def seek(self, pos, whence=0):
        self._check()
        pos = _index(pos, "'%s' object cannot be interpreted as an integer")
        whence = _index(whence, "'%s' object cannot be interpreted as an integer")
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %d" % pos)
        elif whence == 1:
            pos = max(0, self._pos + pos)
        elif whence == 2:
            pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        self._pos = pos
        return pos

    def truncate(self, pos=None):
        self._check()
        if pos is None:
            pos = self._pos
        else:
            pos = _index(pos, "'%s' object cannot be interpreted as an integer")
        if pos < 0:
            raise ValueError("negative size value %d" % pos)
        del self._buf[pos:]
        return pos

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def flush(self):
        self._check()

    def close(self):
        self._closed = True

    @property
    def closed(self):
        return self._closed

    def __getstate__(self):
        self._check()
        return (self.getvalue(), self._pos, dict(self.__dict__))


class FileIO(_RawIOBase):
    """Raw file I/O over the VM's files: reads are recorded inputs."""

    def __init__(self, file, mode="r", closefd=True, opener=None):
        if isinstance(file, float):
            raise TypeError("integer argument expected, got float")
        if not isinstance(mode, str):
            raise TypeError(
                "FileIO() argument 'mode' must be str, not %s" % type(mode).__name__
            )
        base = mode.replace("b", "")
        plus = "+" in base
        base = base.replace("+", "")
        if len(base) != 1 or base not in "rwax" or mode.count("b") > 1:
            raise ValueError("invalid mode: %s" % mode)
        self.name = file
        self._base = base
        self._plus = plus
        self._data = bytearray()
        self._pos = 0
        if base == "r" or plus:
            try:
                with open(file, "rb") as f:
                    self._data = bytearray(f.read())
            except FileNotFoundError:
                if base == "r":
                    raise
        if base in "wx":
            self._data = bytearray()
        self._out = None
        if base != "r" or plus:
            self._out = open(file, "ab" if base == "a" or plus else "wb")
            if base == "a":
                self._pos = len(self._data)
        self.mode = {
            "r": "rb+" if plus else "rb",
            "w": "rb+" if plus else "wb",
            "a": "ab+" if plus else "ab",
            "x": "xb+" if plus else "xb",
        }[base]
        self.closefd = closefd

    def readable(self):
        self._checkClosed()
        return self._base == "r" or self._plus

    def writable(self):
        self._checkClosed()
        return self._base != "r" or self._plus

    def seekable(self):
        self._checkClosed()
        return True

    def readinto(self, b):
        self._checkClosed()
        self._checkReadable()
        data = self._data[self._pos:self._pos + len(b)]
        n = len(data)
        b[:n] = data
        self._pos += n
        return n

    def readall(self):
        self._checkClosed()
        self._checkReadable()
        data = bytes(self._data[self._pos:])
        self._pos = len(self._data)
        return data

    def write(self, b):
        self._checkClosed()
        self._checkWritable()
        data = _as_bytes(b)
        self._out.write(data)
        self._data[self._pos:self._pos + len(data)] = data
        self._pos += len(data)
        return len(data)

    def seek(self, pos, whence=0):
        self._checkClosed()
        if whence == 0:
            new = pos
        elif whence == 1:
            new = self._pos + pos
        elif whence == 2:
            new = len(self._data) + pos
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        if new < 0:
            raise OSError(22, "Invalid argument")
        self._pos = new
        return new

    def tell(self):
        self._checkClosed()
        return self._pos

    def truncate(self, size=None):
        self._checkClosed()
        self._checkWritable()
        if size is None:
            size = self._pos
        del self._data[size:]
        return size

    def close(self):
        if not self.closed and self._out is not None:
            self._out.close()
        _RawIOBase.close(self)

    def __repr__(self):
        if self.closed:
            return "<_io.FileIO [closed]>"
        return "<_io.FileIO name=%r mode=%r closefd=%r>" % (
            self.name, self.mode, self.closefd)


class _FileClass(type):
    # `open()` returns the VM's own file objects (of type `_ys_file_type`,
    # installed by the Rust side): they count as instances of the class
    # CPython's `open` would have made, TextIOWrapper or BufferedReader/
    # BufferedWriter by their mode, so `isinstance(f, io.IOBase)` and the
    # `io` ABCs' registrations see them.
    def __instancecheck__(cls, obj):
        if type(obj) is _ys_file_type:
            if "b" in obj.mode:
                want = BufferedReader if "r" in obj.mode else BufferedWriter
            else:
                want = TextIOWrapper
            return cls is want
        return cls in type(obj).__mro__

    def __subclasscheck__(cls, sub):
        if sub is _ys_file_type:
            return cls is TextIOWrapper
        return cls in getattr(sub, "__mro__", ())


class _BufferedBase(_BufferedIOBase):
    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        if buffer_size <= 0:
            raise ValueError("buffer size must be strictly positive")
        self.raw = raw
        self.buffer_size = buffer_size

    def _need_raw(self):
        if self.raw is None:
            raise ValueError("raw stream has been detached")

    @property
    def closed(self):
        self._need_raw()
        return self.raw.closed

    @property
    def name(self):
        self._need_raw()
        return self.raw.name

    @property
    def mode(self):
        self._need_raw()
        return self.raw.mode

    def seekable(self):
        self._need_raw()
        return self.raw.seekable()

    def readable(self):
        self._need_raw()
        return self.raw.readable()

    def writable(self):
        self._need_raw()
        return self.raw.writable()

    def fileno(self):
        self._need_raw()
        return self.raw.fileno()

    def isatty(self):
        self._need_raw()
        return self.raw.isatty()

    def tell(self):
        self._need_raw()
        return self.raw.tell()

    def seek(self, pos, whence=0):
        self._need_raw()
        return self.raw.seek(pos, whence)

    def truncate(self, pos=None):
        self._need_raw()
        return self.raw.truncate(pos)

    def flush(self):
        self._need_raw()
        if self.raw.closed:
            raise ValueError("flush of closed file")
        self.raw.flush()

    def close(self):
        self._need_raw()
        if not self.raw.closed:
            try:
                self.flush()
            finally:
                self.raw.close()

    def detach(self):
        self._need_raw()
        self.flush()
        raw, self.raw = self.raw, None
        return raw

    def read(self, size=-1):
        self._need_raw()
        if self.raw.closed:
            raise ValueError("read of closed file")
        self._checkReadable()
        size = _index(size)
        if size >= 0:
            return self.raw.read(size)
        readall = getattr(self.raw, "readall", None)
        return self.raw.read() if readall is None else readall()

    def read1(self, size=-1):
        return self.read(size)

    def peek(self, size=0):
        pos = self.raw.tell()
        data = self.raw.read(max(size, 1))
        self.raw.seek(pos)
        return data

    def write(self, b):
        self._need_raw()
        if self.raw.closed:
            raise ValueError("write to closed file")
        self._checkWritable()
        return self.raw.write(b)

    def __repr__(self):
        cls = type(self)
        mod = "_io" if cls.__module__ == "_io" else cls.__module__
        try:
            name = self.name
        except Exception:
            return "<%s.%s>" % (mod, cls.__qualname__)
        return "<%s.%s name=%r>" % (mod, cls.__qualname__, name)


class BufferedReader(_BufferedBase, metaclass=_FileClass):
    """Create a new buffered reader using the given readable raw IO object."""


class BufferedWriter(_BufferedBase, metaclass=_FileClass):
    """A buffer for a writeable sequential RawIO object."""


class BufferedRandom(_BufferedBase):
    """A buffered interface to random access streams."""


class BufferedRWPair(_BufferedIOBase):
    """A buffered reader and writer object together."""

    def __init__(self, reader, writer, buffer_size=DEFAULT_BUFFER_SIZE):
        self.reader = BufferedReader(reader, buffer_size)
        self.writer = BufferedWriter(writer, buffer_size)

    def read(self, size=-1):
        return self.reader.read(size)

    def read1(self, size=-1):
        return self.reader.read1(size)

    def peek(self, size=0):
        return self.reader.peek(size)

    def write(self, b):
        return self.writer.write(b)

    def flush(self):
        return self.writer.flush()

    def readable(self):
        return self.reader.readable()

    def writable(self):
        return self.writer.writable()

    def close(self):
        try:
            self.writer.close()
        finally:
            self.reader.close()

    @property
    def closed(self):
        return self.writer.closed


class IncrementalNewlineDecoder:
    """Translates `\\r\\n` and `\\r` into `\\n` (when `translate`)."""

    def __init__(self, decoder, translate, errors="strict"):
        self.decoder = decoder
        self.translate = translate
        self.errors = errors
        self.pendingcr = False
        self.seennl = 0

    def decode(self, input, final=False):
        output = input if self.decoder is None else self.decoder.decode(
            input, final=final)
        if self.pendingcr and (output or final):
            output = "\r" + output
            self.pendingcr = False
        if output.endswith("\r") and not final:
            output = output[:-1]
            self.pendingcr = True
        crlf = output.count("\r\n")
        cr = output.count("\r") - crlf
        lf = output.count("\n") - crlf
        self.seennl |= (lf and 1) | (cr and 2) | (crlf and 4)
        if self.translate:
            if crlf:
                output = output.replace("\r\n", "\n")
            if cr:
                output = output.replace("\r", "\n")
        return output

    def getstate(self):
        if self.decoder is None:
            buf, flag = b"", 0
        else:
            buf, flag = self.decoder.getstate()
        flag <<= 1
        if self.pendingcr:
            flag |= 1
        return buf, flag

    def setstate(self, state):
        buf, flag = state
        self.pendingcr = bool(flag & 1)
        if self.decoder is not None:
            self.decoder.setstate((buf, flag >> 1))

    def reset(self):
        self.seennl = 0
        self.pendingcr = False
        if self.decoder is not None:
            self.decoder.reset()

    @property
    def newlines(self):
        return (None, "\n", "\r", ("\r", "\n"), "\r\n", ("\n", "\r\n"),
                ("\r", "\r\n"), ("\r", "\n", "\r\n"))[self.seennl]


def text_encoding(encoding, stacklevel=2):
    """Returns `encoding`, or "locale" for None (as with UTF-8 mode off)."""
    if encoding is None:
        return "locale"
    return encoding


class TextIOWrapper(_TextIOBase, metaclass=_FileClass):
    """Character and line based layer over a BufferedIOBase object."""

    def __init__(self, buffer, encoding=None, errors=None, newline=None,
                 line_buffering=False, write_through=False):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(
                "TextIOWrapper() argument 'newline' must be str or None, not %s"
                % type(newline).__name__
            )
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %s" % (newline,))
        if encoding is None or encoding == "locale":
            encoding = "utf-8"
        if not isinstance(encoding, str):
            raise TypeError(
                "TextIOWrapper() argument 'encoding' must be str or None, not %s"
                % type(encoding).__name__
            )
        if errors is None:
            errors = "strict"
        self._buffer = buffer
        self._encoding = encoding
        self._errors = errors
        self._newline = newline
        self._line_buffering = line_buffering
        self._write_through = write_through
        self._decoded = None
        self._dpos = 0
        self._seen = 0

    @property
    def buffer(self):
        return self._buffer

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def line_buffering(self):
        return self._line_buffering

    @property
    def write_through(self):
        return self._write_through

    @property
    def closed(self):
        return self._buffer.closed

    @property
    def name(self):
        return self._buffer.name

    @property
    def mode(self):
        return self._buffer.mode

    @property
    def newlines(self):
        return (None, "\n", "\r", ("\r", "\n"), "\r\n", ("\n", "\r\n"),
                ("\r", "\r\n"), ("\r", "\n", "\r\n"))[self._seen]

    def readable(self):
        return self._buffer.readable()

    def writable(self):
        return self._buffer.writable()

    def seekable(self):
        return self._buffer.seekable()

    def isatty(self):
        return self._buffer.isatty()

    def fileno(self):
        return self._buffer.fileno()

    def flush(self):
        self._buffer.flush()

    def close(self):
        if not self._buffer.closed:
            try:
                self.flush()
            finally:
                self._buffer.close()

    def detach(self):
        self.flush()
        b, self._buffer = self._buffer, None
        return b

    def write(self, s):
        self._checkClosed()
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        n = len(s)
        if self._newline not in (None, "", "\n"):
            s = s.replace("\n", self._newline)
        self._buffer.write(s.encode(self._encoding, self._errors))
        self._decoded = None
        if self._line_buffering and ("\n" in s or "\r" in s):
            self.flush()
        return n

    def _text(self):
        if self._decoded is None:
            raw = self._buffer.read()
            text = raw.decode(self._encoding, self._errors)
            crlf = text.count("\r\n")
            cr = text.count("\r") - crlf
            lf = text.count("\n") - crlf
            self._seen |= (lf and 1) | (cr and 2) | (crlf and 4)
            if self._newline is None:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
            self._decoded = text
            self._dpos = 0
        return self._decoded

    def read(self, size=-1):
        self._checkClosed()
        self._checkReadable()
        size = _index(size)
        text = self._text()
        start = self._dpos
        end = len(text) if size < 0 else min(len(text), start + size)
        self._dpos = end
        return text[start:end]

    def readline(self, size=-1):
        self._checkClosed()
        size = _index(size)
        text = self._text()
        start = self._dpos
        if start >= len(text):
            return ""
        nl = self._newline
        end = _line_end(text, start, "\n" if nl is None else nl, size)
        self._dpos = end
        return text[start:end]

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._checkClosed()
        if self._decoded is None:
            return self._buffer.tell()
        return len(self._decoded[:self._dpos].encode(self._encoding, self._errors))

    def seek(self, pos, whence=0):
        self._checkClosed()
        if whence == 1 and pos != 0:
            raise UnsupportedOperation("can't do nonzero cur-relative seeks")
        if whence == 2 and pos != 0:
            raise UnsupportedOperation("can't do nonzero end-relative seeks")
        if whence == 1:
            return self.tell()
        self._decoded = None
        return self._buffer.seek(pos, whence)

    def truncate(self, pos=None):
        self.flush()
        if pos is None:
            pos = self.tell()
        return self._buffer.truncate(pos)

    def reconfigure(self, *, encoding=None, errors=None, newline=Ellipsis,
                    line_buffering=None, write_through=None):
        if encoding is not None:
            self._encoding = encoding
        if errors is not None:
            self._errors = errors
        if newline is not Ellipsis:
            self._newline = newline
        if line_buffering is not None:
            self._line_buffering = line_buffering
        if write_through is not None:
            self._write_through = write_through

    def __repr__(self):
        cls = type(self)
        mod = "_io" if cls.__module__ == "_io" else cls.__module__
        out = "<%s.%s" % (mod, cls.__qualname__)
        try:
            out += " name=%r" % (self.name,)
        except Exception:
            pass
        try:
            out += " mode=%r" % (self.mode,)
        except Exception:
            pass
        return out + " encoding=%r>" % (self._encoding,)


def open_code(path):
    """Opens `path` for reading as bytes (the hook CPython's importer uses)."""
    if not isinstance(path, str):
        raise TypeError(
            "open_code() argument 'path' must be str, not %s" % type(path).__name__
        )
    return open(path, "rb")
