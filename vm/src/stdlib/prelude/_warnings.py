# _warnings: the C half of CPython's warnings, as the VM provides it.
# `warnings` takes `filters`, `_defaultaction`, `_onceregistry`, `warn`,
# `warn_explicit` and `_filters_mutated` from here. While the program has
# not replaced `showwarning`/`formatwarning` (or the helpers behind them), a
# warning is printed here, with its source line from the code the VM holds.

import sys

filters = [
    ("default", None, DeprecationWarning, "__main__", 0),
    ("ignore", None, DeprecationWarning, None, 0),
    ("ignore", None, PendingDeprecationWarning, None, 0),
    ("ignore", None, ImportWarning, None, 0),
    ("ignore", None, ResourceWarning, None, 0),
]
_defaultaction = "default"
_onceregistry = {}
_version = [1]


def _filters_mutated():
    _version[0] += 1


def _state(name, own):
    w = sys.modules.get("warnings")
    if w is None:
        return own
    try:
        return getattr(w, name)
    except AttributeError:
        return own


def _matches(pattern, text):
    if pattern is None:
        return True
    if type(pattern) is str:
        return pattern == text
    return bool(pattern.match(text))


def _find_action(category, text, lineno, module):
    fl = _state("filters", filters)
    if not isinstance(fl, list):
        raise ValueError("_warnings.filters must be a list")
    for i, item in enumerate(fl):
        if not isinstance(item, tuple) or len(item) != 5:
            raise ValueError("_warnings.filters item %d isn't a 5-tuple" % i)
        action, msg, cat, mod, ln = item
        if not isinstance(action, str):
            raise TypeError("action must be a string, not '%s'" % type(action).__name__)
        if (
            _matches(msg, text)
            and issubclass(category, cat)
            and _matches(mod, module)
            and (ln == 0 or lineno == ln)
        ):
            return action, item
    action = _state("defaultaction", _defaultaction)
    if not isinstance(action, str):
        raise TypeError("_warnings.defaultaction must be a string, not '%s'" % type(action).__name__)
    return action, None


def _untouched(w):
    def orig(name, fname):
        f = getattr(w, name, None)
        return getattr(f, "__name__", None) == fname and getattr(f, "__module__", None) == "warnings"

    return (
        orig("_showwarnmsg", "_showwarnmsg")
        and orig("_showwarnmsg_impl", "_showwarnmsg_impl")
        and orig("_formatwarnmsg", "_formatwarnmsg")
        and orig("_formatwarnmsg_impl", "_formatwarnmsg_impl")
        and getattr(w, "showwarning", None) is getattr(w, "_showwarning_orig", 0)
        and getattr(w, "formatwarning", None) is getattr(w, "_formatwarning_orig", 0)
    )


def _print(message, category, filename, lineno, source):
    f = sys.stderr
    if f is None:
        return
    s = "%s:%s: %s: %s\n" % (filename, lineno, category.__name__, message)
    line = _source_line(filename, lineno)
    if line:
        s += "  %s\n" % line.strip()
    if source is not None:
        s += "%s: Enable tracemalloc to get the object allocation traceback\n" % category.__name__
    try:
        f.write(s)
    except OSError:
        pass


def _show(message, category, filename, lineno, source):
    w = sys.modules.get("warnings")
    if w is None or _untouched(w):
        _print(message, category, filename, lineno, source)
        return
    show = getattr(w, "_showwarnmsg", None)
    if show is None:
        _print(message, category, filename, lineno, source)
        return
    if not callable(show):
        raise TypeError("warnings._showwarnmsg() must be set to a callable")
    cls = getattr(w, "WarningMessage", None)
    if cls is None:
        raise RuntimeError("unable to get warnings.WarningMessage")
    show(cls(message, category, filename, lineno, source=source))


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    if registry is not None and not isinstance(registry, dict):
        raise TypeError("'registry' must be a dict or None")
    if module_globals is not None and not isinstance(module_globals, dict):
        raise TypeError("module_globals must be a dict, not '%s'" % type(module_globals).__name__)
    if module is None:
        module = filename
        if module[-3:].lower() == ".py":
            module = module[:-3]
        if not module:
            module = "<unknown>"
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry is not None:
        if registry.get("version", 0) != _version[0]:
            registry.clear()
            registry["version"] = _version[0]
        if registry.get(key):
            return None
    action, item = _find_action(category, text, lineno, module)
    if action == "error":
        raise message
    if action == "ignore":
        return None
    if action == "once":
        if registry is not None:
            registry[key] = True
        once = _state("onceregistry", _onceregistry)
        okey = (text, category)
        if once.get(okey):
            return None
        once[okey] = True
    elif action == "module":
        if registry is not None:
            registry[key] = True
            akey = (text, category, 0)
            if registry.get(akey):
                return None
            registry[akey] = True
    elif action == "default":
        if registry is not None:
            registry[key] = True
    elif action != "always":
        raise RuntimeError("Unrecognized action (%r) in warnings.filters:\n %r" % (action, item))
    _show(message, category, filename, lineno, source)
    return None


def _internal(frame):
    fn = frame.f_code.co_filename
    return "importlib" in fn and "_bootstrap" in fn


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '%s'" % type(category).__name__)
    # The VM's frames of this prelude are not counted: 0 is the caller.
    try:
        frame = sys._getframe(0)
    except ValueError:
        frame = None
    if frame is not None and (stacklevel <= 0 or _internal(frame)):
        while stacklevel > 1 and frame is not None:
            frame = frame.f_back
            stacklevel -= 1
    else:
        while stacklevel > 1 and frame is not None:
            frame = frame.f_back
            while frame is not None and _internal(frame):
                frame = frame.f_back
            stacklevel -= 1
    if frame is None:
        globals = sys.__dict__
        filename = "sys"
        lineno = 1
    else:
        globals = frame.f_globals
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
    module = globals.get("__name__", "<string>")
    registry = globals.get("__warningregistry__")
    if registry is None:
        registry = {}
        globals["__warningregistry__"] = registry
    return warn_explicit(message, category, filename, lineno, module, registry, None, source)
