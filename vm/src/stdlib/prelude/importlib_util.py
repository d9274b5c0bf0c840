# importlib.util over the VM's own import system: spec look-up on sys.path
# without importing, name resolution, and the bytecode-cache path helpers
# (the VM writes no .pyc files, but programs compute their names).

import sys

MAGIC_NUMBER = (3495).to_bytes(2, "little") + b"\r\n"
_TAG = "cpython-311"


class _Spec:
    def __init__(self, name, origin=None, is_package=False):
        self.name = name
        self.origin = origin
        self.loader = None
        self.loader_state = None
        self.cached = None
        self.submodule_search_locations = (
            [origin.rsplit("/", 1)[0]] if is_package and origin else None)
        self.has_location = origin is not None

    @property
    def parent(self):
        if self.submodule_search_locations is not None:
            return self.name
        return self.name.rpartition(".")[0]

    def __repr__(self):
        return "ModuleSpec(name=%r, loader=%r, origin=%r)" % (
            self.name, self.loader, self.origin)


def resolve_name(name, package):
    """The absolute name of a relative module name."""
    if not name.startswith("."):
        return name
    if not package:
        raise ImportError(
            f"no package specified for {repr(name)} (required for relative module names)")
    level = len(name) - len(name.lstrip("."))
    bits = package.rsplit(".", level - 1)
    if len(bits) < level:
        raise ImportError("attempted relative import beyond top-level package")
    base = bits[0]
    rest = name[level:]
    return f"{base}.{rest}" if rest else base


def find_spec(name, package=None):
    """The spec of module `name`, importing its parent package but not it."""
    fullname = resolve_name(name, package) if name.startswith(".") else name
    if fullname in sys.modules:
        module = sys.modules[fullname]
        if module is None:
            return None
        spec = getattr(module, "__spec__", None)
        if spec is None:
            raise ValueError(f"{fullname}.__spec__ is None")
        return spec
    parent, _, last = fullname.rpartition(".")
    if parent:
        pkg = __import__(parent, fromlist=["__path__"])
        paths = getattr(pkg, "__path__", None)
        if paths is None:
            raise ModuleNotFoundError(
                f"__path__ attribute not found on {parent!r} while trying to find {fullname!r}",
                name=fullname)
    else:
        paths = sys.path
    import os
    for d in paths:
        base = os.path.join(d or ".", last)
        init = os.path.join(base, "__init__.py")
        if os.path.isfile(init):
            return _Spec(fullname, init, True)
        if os.path.isfile(base + ".py"):
            return _Spec(fullname, base + ".py")
    return None


def module_from_spec(spec):
    """A new, empty module for `spec`."""
    m = type(sys)(spec.name)
    m.__spec__ = spec
    if spec.origin is not None:
        m.__file__ = spec.origin
    return m


def spec_from_file_location(name, location=None, *, loader=None,
                            submodule_search_locations=None):
    """A spec for the module `name` in file `location`."""
    spec = _Spec(name, location)
    spec.loader = loader
    if submodule_search_locations is not None:
        spec.submodule_search_locations = list(submodule_search_locations)
    return spec


def cache_from_source(path, debug_override=None, *, optimization=None):
    """The .pyc path CPython would use for the source file `path`."""
    head, tail = path.rpartition("/")[::2] if "/" in path else ("", path)
    base, sep, rest = tail.rpartition(".")
    if not sep:
        base = tail
    opt = "" if optimization is None else str(optimization)
    name = f"{base}.{_TAG}" + (f".opt-{opt}" if opt else "") + ".pyc"
    cache = "__pycache__/" + name
    return f"{head}/{cache}" if head else cache


def source_from_cache(path):
    """The source path for the .pyc path `path`."""
    head, _, pycache_filename = path.rpartition("/")
    head, _, pycache = head.rpartition("/")
    if pycache != "__pycache__":
        raise ValueError(f"__pycache__ not bottom-level directory in {path!r}")
    base = pycache_filename.split(".")[0]
    return f"{head}/{base}.py" if head else f"{base}.py"


def source_hash(source_bytes):
    raise NotImplementedError("source_hash is not provided by yieldscope")
