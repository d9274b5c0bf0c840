# The VM's `os`: CPython's os.py needs `_collections_abc` (metaclasses) and
# the whole `posix` module; this one gives the common API over the VM's
# `posix`, whose reads of the machine are recorded inputs. `os.path` is
# CPython's own `posixpath`.

import sys
from posix import getcwd, getpid, listdir, urandom, fspath, _environ, _stat

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


try:
    import posixpath as path
except ImportError:
    pass
else:
    sys.modules["os.path"] = path
