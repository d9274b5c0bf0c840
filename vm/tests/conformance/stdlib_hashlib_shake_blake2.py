# SHAKE lengths and BLAKE2 digest sizes.
import hashlib
print(hashlib.shake_128(b"data").hexdigest(8))
print(hashlib.shake_256(b"data").hexdigest(40))
print(hashlib.blake2b(b"data", digest_size=20).hexdigest())
print(hashlib.blake2s(b"data", digest_size=8).hexdigest(), hashlib.blake2s(digest_size=8).digest_size)
try:
    hashlib.blake2b(digest_size=65)
except ValueError as e:
    print("ValueError", e)
