# The parts of importlib beyond import_module: the VM keeps no finder
# caches, and importlib.util is its own module (imported on first use).

__path__ = []


def invalidate_caches():
    """The VM's import system keeps no caches to invalidate."""


def reload(module):
    """Runs the module's code again in its namespace."""
    import sys
    name = module.__name__
    if sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    path = getattr(module, "__file__", None)
    if path is None:
        return module
    with open(path) as f:
        src = f.read()
    exec(compile(src, path, "exec"), module.__dict__)
    return module
