# The VM's `os`: CPython's os.py needs `_collections_abc` (metaclasses) and
# the whole `posix` module; this one gives the common API over the VM's
# `posix`, whose reads of the machine are recorded inputs. `os.path` is
# CPython's own `posixpath`.

import sys
from posix import getcwd, getpid, listdir, urandom, fspath, _environ, _stat, _fsop

name = "posix"
sep = "/"
altsep = None
extsep = "."
pathsep = ":"
linesep = "\n"
curdir = "."
pardir = ".."
defpath = "/bin:/usr/bin"
devnull = "/dev/null"
supports_bytes_environ = True

environ = dict(_environ())


def getenv(key, default=None):
    return environ.get(key, default)


def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode("utf-8", "surrogateescape")
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode("utf-8", "surrogateescape")
    return filename


class stat_result(sys._structseq):
    __module__ = "os"
    _prefix = "os."
    _fields = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid",
               "st_size", "st_atime", "st_mtime", "st_ctime")


class terminal_size(sys._structseq):
    __module__ = "os"
    _prefix = "os."
    _fields = ("columns", "lines")


def get_terminal_size(fd=1):
    # The program's output goes through the VM (and into recordings), never
    # straight to a terminal: as for a pipe, there is no size to report.
    raise OSError(25, "Inappropriate ioctl for device")


def stat(path):
    return stat_result(_stat(fspath(path)))


def lstat(path):
    return stat(path)


class PathLike:
    __module__ = "os"

    def __fspath__(self):
        raise NotImplementedError


def _exit(status):
    raise SystemExit(status)


supports_dir_fd = set()
supports_fd = set()
supports_follow_symlinks = set()
supports_effective_ids = set()

O_RDONLY = 0
O_WRONLY = 1
O_RDWR = 2
O_CREAT = 64
O_EXCL = 128
O_NOCTTY = 256
O_TRUNC = 512
O_APPEND = 1024
O_NONBLOCK = 2048
O_DIRECTORY = 65536
O_NOFOLLOW = 131072
O_CLOEXEC = 524288
O_ACCMODE = 3
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1

_ERRORS = {
    1: (PermissionError, "Operation not permitted"),
    2: (FileNotFoundError, "No such file or directory"),
    13: (PermissionError, "Permission denied"),
    17: (FileExistsError, "File exists"),
    18: (OSError, "Invalid cross-device link"),
    20: (NotADirectoryError, "Not a directory"),
    21: (IsADirectoryError, "Is a directory"),
    39: (OSError, "Directory not empty"),
}


def _raise(code, *names):
    cls, text = _ERRORS.get(code, (OSError, "Input/output error"))
    where = " -> ".join(repr(n) for n in names)
    e = cls("[Errno %d] %s: %s" % (code, text, where))
    e.errno = code
    e.strerror = text
    e.filename = names[0]
    e.filename2 = names[1] if len(names) > 1 else None
    raise e


def _op(op, p, q=""):
    code = _fsop(op, p, q)
    if code:
        _raise(code, p, q) if op == "rename" else _raise(code, p)


def mkdir(path, mode=0o777, *, dir_fd=None):
    _op("mkdir", fspath(path))


def makedirs(name, mode=0o777, exist_ok=False):
    name = fspath(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def rmdir(path, *, dir_fd=None):
    _op("rmdir", fspath(path))


def unlink(path, *, dir_fd=None):
    _op("unlink", fspath(path))


remove = unlink


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    _op("rename", fspath(src), fspath(dst))


replace = rename


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


class DirEntry:
    __module__ = "posix"

    def __init__(self, folder, name):
        self.name = name
        self.path = path.join(folder, name)
        self._st = None

    def __repr__(self):
        return "<DirEntry %r>" % (self.name,)

    def __fspath__(self):
        return self.path

    def stat(self, *, follow_symlinks=True):
        if self._st is None:
            self._st = stat(self.path)
        return self._st

    def _mode(self):
        try:
            return self.stat().st_mode
        except OSError:
            return 0

    def is_dir(self, *, follow_symlinks=True):
        return self._mode() & 0o170000 == 0o040000

    def is_file(self, *, follow_symlinks=True):
        return self._mode() & 0o170000 == 0o100000

    def is_symlink(self):
        return False

    def inode(self):
        return self.stat().st_ino


class _ScandirIterator:
    def __init__(self, folder):
        self._folder = folder
        self._names = iter(listdir(folder))

    def __iter__(self):
        return self

    def __next__(self):
        return DirEntry(self._folder, next(self._names))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self._names = iter(())


def scandir(path="."):
    return _ScandirIterator(fspath(path))


def walk(top, topdown=True, onerror=None, followlinks=False):
    top = fspath(top)
    try:
        entries = list(scandir(top))
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return
    dirs = [e.name for e in entries if e.is_dir()]
    nondirs = [e.name for e in entries if not e.is_dir()]
    if topdown:
        yield top, dirs, nondirs
        for d in dirs:
            yield from walk(path.join(top, d), topdown, onerror, followlinks)
    else:
        for d in dirs:
            yield from walk(path.join(top, d), topdown, onerror, followlinks)
        yield top, dirs, nondirs


_fds = {}
_next_fd = [3]


def open(path, flags, mode=0o777, *, dir_fd=None):
    import builtins
    path = fspath(path)
    acc = flags & O_ACCMODE
    if flags & O_CREAT and flags & O_EXCL:
        try:
            stat(path)
        except FileNotFoundError:
            pass
        else:
            _raise(17, path)
    if acc == O_RDONLY:
        m = "rb"
    elif flags & O_APPEND:
        m = "ab"
    else:
        m = "wb"
    f = builtins.open(path, m)
    fd = _next_fd[0]
    _next_fd[0] += 1
    _fds[fd] = f
    return fd


def _file(fd):
    try:
        return _fds[fd]
    except KeyError:
        e = OSError("[Errno 9] Bad file descriptor")
        e.errno = 9
        e.strerror = "Bad file descriptor"
        raise e from None


def read(fd, n, /):
    return _file(fd).read(n)


def write(fd, data, /):
    _file(fd).write(bytes(data))
    return len(data)


def close(fd):
    _file(fd).close()
    del _fds[fd]


def walk_fd_unsupported():
    raise NotImplementedError


del walk_fd_unsupported

try:
    import posixpath as path
except ImportError:
    pass
else:
    sys.modules["os.path"] = path
