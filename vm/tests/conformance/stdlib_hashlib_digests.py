# hashlib's guaranteed algorithms: names, sizes and digests.
import hashlib
for n in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224",
          "sha3_256", "sha3_384", "sha3_512", "blake2b", "blake2s"]:
    h = hashlib.new(n, b"hello")
    h.update(b" world")
    print(n, h.name, h.digest_size, h.block_size, h.hexdigest())
print(sorted(hashlib.algorithms_guaranteed))
