import _compat_pickle

print(_compat_pickle.IMPORT_MAPPING["Queue"])
print(_compat_pickle.NAME_MAPPING[("__builtin__", "xrange")])
