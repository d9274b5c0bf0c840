import importlib

m = importlib.import_module("helper_pkg.alpha")
print(m.shout())
print(importlib.import_module(".deep", "helper_pkg.sub").DEEP)
print(importlib.import_module("..alpha", "helper_pkg.sub").ALPHA)
try:
    importlib.import_module(".x")
except TypeError as e:
    print(e)
try:
    importlib.import_module("no_such_module_xyz")
except ModuleNotFoundError as e:
    print(e)
