# The import system's Python half (CPython keeps its own in
# importlib._bootstrap): finding, loading and binding modules that are not
# already in sys.modules. The VM runs it only on a miss; the natives of
# `_ys_imp` find files and run module bodies.

from _ys_imp import _modules, _find_spec, _new_module, _exec, _native, _forget, _display

modules = _modules()


class SourceFileLoader:
    __module__ = "_frozen_importlib_external"

    def __init__(self, name, path):
        self.name = name
        self.path = path


class NamespaceLoader:
    __module__ = "_frozen_importlib_external"

    def __init__(self, name, path):
        self.name = name
        self.path = path


class ModuleSpec:
    __module__ = "_frozen_importlib"

    def __init__(self, name, loader, origin=None, is_package=False):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.submodule_search_locations = [] if is_package else None
        self.loader_state = None
        self.cached = None
        self.has_location = origin is not None
        self._initializing = False

    @property
    def parent(self):
        if self.submodule_search_locations is None:
            return self.name.rpartition(".")[0]
        return self.name

    def __repr__(self):
        args = [f"name={self.name!r}", f"loader={self.loader!r}"]
        if self.has_location:
            args.append(f"origin={self.origin!r}")
        if self.submodule_search_locations is not None:
            args.append(
                f"submodule_search_locations={self.submodule_search_locations}"
            )
        return f"ModuleSpec({', '.join(args)})"

    def __eq__(self, other):
        if not isinstance(other, ModuleSpec):
            return NotImplemented
        return (
            self.name == other.name
            and self.loader == other.loader
            and self.origin == other.origin
            and self.submodule_search_locations == other.submodule_search_locations
            and self.cached == other.cached
            and self.has_location == other.has_location
        )


def _load(name, found):
    kind, origin, locations = found
    if kind == "native":
        return _native(name)
    if kind == "namespace":
        spec = ModuleSpec(name, NamespaceLoader(name, locations), None, True)
    else:
        shown = _display(origin)
        spec = ModuleSpec(name, SourceFileLoader(name, shown), shown, kind == "package")
    if locations is not None:
        spec.submodule_search_locations.extend(locations)
    module = _new_module(name, spec)
    if kind == "namespace":
        return module
    spec._initializing = True
    try:
        _exec(module, origin)
    except BaseException:
        modules.pop(name, None)
        _forget(name, module)
        raise
    finally:
        spec._initializing = False
    # CPython moves the module to the end of sys.modules once it ran, and
    # returns whatever the body left there.
    try:
        module = modules.pop(name)
    except KeyError:
        raise ImportError(f"Loaded module {name} not found in sys.modules") from None
    modules[name] = module
    return module


def _find_and_load(name):
    path = None
    parent, _, child = name.rpartition(".")
    parent_module = None
    if parent:
        if parent not in modules:
            _find_and_load(parent)
        if name in modules:
            return modules[name]
        parent_module = modules[parent]
        try:
            path = parent_module.__path__
        except AttributeError:
            raise ModuleNotFoundError(
                f"No module named {name!r}; {parent!r} is not a package"
            ) from None
    found = _find_spec(name, path)
    if found is None:
        raise ModuleNotFoundError(f"No module named {name!r}")
    module = _load(name, found)
    if parent_module is not None:
        setattr(parent_module, child, module)
    return module


def _load_name(name):
    if name in modules:
        module = modules[name]
        if module is None:
            raise ModuleNotFoundError(f"import of {name} halted; None in sys.modules")
        return module
    return _find_and_load(name)


def _handle_fromlist(module, fromlist, recursive=False):
    for x in fromlist:
        if not isinstance(x, str):
            if recursive:
                where = module.__name__ + ".__all__"
            else:
                where = "``from list''"
            raise TypeError(
                f"Item in {where} must be str, not {type(x).__name__}"
            )
        if x == "*":
            if not recursive and hasattr(module, "__all__"):
                _handle_fromlist(module, module.__all__, True)
        elif not hasattr(module, x):
            from_name = f"{module.__name__}.{x}"
            try:
                _load_name(from_name)
            except ModuleNotFoundError as exc:
                if str(exc) == f"No module named {from_name!r}":
                    continue
                raise
    return module


def _import(name, fromlist, top):
    module = _load_name(name)
    if fromlist is not None:
        if hasattr(module, "__path__"):
            _handle_fromlist(module, fromlist)
        return module
    if top and "." in name:
        return modules[name.partition(".")[0]]
    return module


def import_module(name, package=None):
    level = 0
    if not isinstance(name, str):
        raise TypeError(f"module name must be str, not {type(name).__name__}")
    if name.startswith("."):
        if not package:
            raise TypeError(
                "the 'package' argument is required to perform a relative "
                f"import for {name!r}"
            )
        for character in name:
            if character != ".":
                break
            level += 1
    return _gcd_import(name[level:], package, level)


def _gcd_import(name, package=None, level=0):
    if level > 0:
        if not isinstance(package, str):
            raise TypeError("__package__ not set to a string")
        if not package:
            raise ImportError("attempted relative import with no known parent package")
        bits = package.rsplit(".", level - 1)
        if len(bits) < level:
            raise ImportError("attempted relative import beyond top-level package")
        base = bits[0]
        name = f"{base}.{name}" if name else base
    if not name and level == 0:
        raise ValueError("Empty module name")
    return _load_name(name)


def _run_main(mod_name):
    # `yieldscope run -m mod_name` (CPython's runpy._run_module_as_main):
    # the module's code runs as __main__, a package's __main__ submodule
    # for a package.
    import sys
    try:
        found, origin = _main_spec(mod_name)
    except ImportError as exc:
        sys.stderr.write(f"{sys.executable or 'yieldscope'}: {exc}\n")
        raise SystemExit(1)
    name = found
    main = modules["__main__"]
    shown = _display(origin)
    spec = ModuleSpec(name, SourceFileLoader(name, shown), shown)
    main.__spec__ = spec
    main.__file__ = shown
    main.__package__ = spec.parent
    main.__loader__ = spec.loader
    sys.argv[0] = shown
    _exec(main, origin)


def _main_spec(mod_name):
    if mod_name.startswith("."):
        raise ImportError("Relative module names not supported")
    pkg = mod_name.rpartition(".")[0]
    path = None
    if pkg:
        path = _load_name(pkg).__path__
    found = _find_spec(mod_name, path)
    if found is None:
        raise ImportError(f"No module named {mod_name}")
    kind, origin, locations = found
    if kind in ("package", "namespace"):
        if mod_name.endswith(".__main__"):
            raise ImportError("Cannot use package as __main__ module")
        _load_name(mod_name)
        try:
            return _main_spec(mod_name + ".__main__")
        except ImportError as e:
            raise ImportError(
                f"{e}; {mod_name!r} is a package and cannot be directly executed"
            ) from None
    if kind != "source":
        raise ImportError(f"No code object available for {mod_name}")
    return mod_name, origin
