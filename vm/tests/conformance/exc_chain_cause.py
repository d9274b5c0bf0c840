class StorageError(Exception):
    pass


def read(store, key):
    try:
        return store[key]
    except KeyError as e:
        raise StorageError("read failed") from e


read({}, "alpha")
