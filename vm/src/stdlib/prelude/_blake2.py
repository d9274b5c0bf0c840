# _blake2: blake2b and blake2s with a chosen digest size (keys, salts and
# personalisation strings are not supported: they raise ValueError).


def _blake2_class(name, max_size, block):
    def __init__(self, data=b"", /, *, digest_size=max_size, key=b"", salt=b"",
                 person=b"", fanout=1, depth=1, leaf_size=0, node_offset=0,
                 node_depth=0, inner_size=0, last_node=False, usedforsecurity=True):
        if not 1 <= digest_size <= max_size:
            raise ValueError("digest_size must be between 1 and %d bytes" % max_size)
        if key or salt or person:
            raise ValueError("keyed, salted or personalised %s is not supported by yieldscope" % name)
        if (fanout, depth, leaf_size, node_offset, node_depth, inner_size, last_node) != (1, 1, 0, 0, 0, 0, False):
            raise ValueError("tree hashing parameters of %s are not supported by yieldscope" % name)
        self.digest_size = digest_size
        _Hash.__init__(self, data)

    return type(name, (_Hash,), {"name": name, "digest_size": max_size, "block_size": block,
                                 "__init__": __init__, "__module__": __name__,
                                 "SALT_SIZE": max_size // 4, "PERSON_SIZE": max_size // 4,
                                 "MAX_KEY_SIZE": max_size, "MAX_DIGEST_SIZE": max_size})


blake2b = _blake2_class("blake2b", 64, 128)
blake2s = _blake2_class("blake2s", 32, 64)
BLAKE2B_SALT_SIZE = 16
BLAKE2B_PERSON_SIZE = 16
BLAKE2B_MAX_KEY_SIZE = 64
BLAKE2B_MAX_DIGEST_SIZE = 64
BLAKE2S_SALT_SIZE = 8
BLAKE2S_PERSON_SIZE = 8
BLAKE2S_MAX_KEY_SIZE = 32
BLAKE2S_MAX_DIGEST_SIZE = 32
