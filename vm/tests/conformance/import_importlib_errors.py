import importlib

try:
    importlib.import_module("..x", "helper_pkg_rel")
except ImportError as e:
    print(type(e).__name__, e)
try:
    importlib.import_module("helper_mod.x")
except ModuleNotFoundError as e:
    print(e)
print(importlib.import_module("helper_pkg_rel").VALUE)
