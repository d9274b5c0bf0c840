# _imp for the VM's own import system: the few functions Lib modules and
# test helpers call. There are no frozen or extension modules, and imports
# run on one thread, so the import lock is always free.

check_hash_based_pycs = "default"


def lock_held():
    return False


def acquire_lock():
    pass


def release_lock():
    pass


def is_builtin(name):
    import sys
    return 1 if name in sys.builtin_module_names else 0


def is_frozen(name):
    return False


def is_frozen_package(name):
    return False


def extension_suffixes():
    return []


def _override_frozen_modules_for_tests(override):
    pass


def _fix_co_filename(code, path):
    pass
