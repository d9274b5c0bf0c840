# The parts of `sys` written in Python: CPython's struct sequences
# (`version_info`, `flags`, `float_info`, `int_info`) as read-only records
# that compare, index and unpack like the tuples they are in CPython.


class _structseq:
    __module__ = "sys"
    _fields = ()
    _prefix = "sys."

    def __init__(self, values):
        object.__setattr__(self, "_values", tuple(values))

    def __getattr__(self, name):
        try:
            return self._values[type(self)._fields.index(name)]
        except ValueError:
            raise AttributeError(
                f"'{type(self).__name__}' object has no attribute '{name}'"
            ) from None

    def __setattr__(self, name, value):
        raise AttributeError("readonly attribute")

    def __repr__(self):
        inner = ", ".join(f"{n}={v!r}" for n, v in zip(type(self)._fields, self._values))
        return f"{type(self)._prefix}{type(self).__name__}({inner})"

    def __len__(self):
        return len(self._values)

    def __iter__(self):
        return iter(self._values)

    def __getitem__(self, i):
        return self._values[i]

    def __hash__(self):
        return hash(self._values)

    def _other(self, other):
        if isinstance(other, _structseq):
            return other._values
        if isinstance(other, tuple):
            return other
        return None

    def __eq__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._values == o

    def __ne__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._values != o

    def __lt__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._values < o

    def __le__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._values <= o

    def __gt__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._values > o

    def __ge__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._values >= o

    def __add__(self, other):
        return self._values + tuple(other)

    def count(self, v):
        return self._values.count(v)

    def index(self, v):
        return self._values.index(v)


class version_info(_structseq):
    _fields = ("major", "minor", "micro", "releaselevel", "serial")


class flags(_structseq):
    _fields = ("debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
               "no_user_site", "no_site", "ignore_environment", "verbose",
               "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode",
               "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits")


class float_info(_structseq):
    _fields = ("max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig",
               "mant_dig", "epsilon", "radix", "rounds")


class int_info(_structseq):
    _fields = ("bits_per_digit", "sizeof_digit", "default_max_str_digits",
               "str_digits_check_threshold")


class _namespace:
    __module__ = "types"

    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)

    def __repr__(self):
        inner = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"namespace({inner})"


version_info = version_info((3, 11, 7, "final", 0))
flags = flags((0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, False, 0, 0, False, -1))
float_info = float_info((1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308,
                         -1021, -307, 15, 53, 2.220446049250313e-16, 2, 1))
int_info = int_info((30, 4, 4300, 640))
implementation = _namespace(name="yieldscope", cache_tag="cpython-311",
                            version=version_info, hexversion=0x30B07F0,
                            _multiarch="x86_64-linux-gnu")
del _namespace
hexversion = 0x30B07F0
api_version = 1013
byteorder = "little"
platform = "linux"
maxunicode = 0x10FFFF
float_repr_style = "short"
dont_write_bytecode = True
pycache_prefix = None
meta_path = []
path_hooks = []
path_importer_cache = {}
warnoptions = []
_xoptions = {}
abiflags = ""
builtin_module_names = ()
stdlib_module_names = frozenset()
orig_argv = list(argv)


def intern(string):
    if type(string) is not str:
        raise TypeError(f"intern() argument must be str, not {type(string).__name__}")
    return string


def getdefaultencoding():
    return "utf-8"


def getfilesystemencoding():
    return "utf-8"


def getfilesystemencodeerrors():
    return "surrogateescape"


def audit(event, *args):
    pass


def addaudithook(hook):
    pass


def is_finalizing():
    return False


def getswitchinterval():
    return 0.005


def setswitchinterval(interval):
    pass


def getprofile():
    return None


def gettrace():
    return None


def settrace(func):
    pass


def setprofile(func):
    pass


class _Stdin:
    __module__ = "_io"

    name = "<stdin>"
    mode = "r"
    encoding = "utf-8"
    errors = "strict"
    closed = False

    def readline(self, size=-1):
        return _stdin_readline()

    def read(self, size=-1):
        out = []
        while True:
            line = _stdin_readline()
            if not line:
                return "".join(out)
            out.append(line)

    def readlines(self):
        return list(self)

    def __iter__(self):
        return self

    def __next__(self):
        line = _stdin_readline()
        if not line:
            raise StopIteration
        return line

    def isatty(self):
        return False

    def readable(self):
        return True

    def writable(self):
        return False

    def fileno(self):
        return 0

    def __repr__(self):
        return "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>"


stdin = __stdin__ = _Stdin()
del _Stdin


def excepthook(exctype, value, traceback, /):
    """Prints an exception and its traceback to stderr, as uncaught ones are."""
    import traceback as _tb

    _tb.print_exception(exctype, value, traceback)


__excepthook__ = excepthook


class hash_info(_structseq):
    _fields = ("width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits",
               "seed_bits", "cutoff")


hash_info = hash_info((64, 2305843009213693951, 314159, 0, 1000003, "siphash13", 64, 128, 0))
