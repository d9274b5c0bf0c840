# update() accumulates; copy() forks the state.
import hashlib
h = hashlib.sha256()
h.update(b"abc")
c = h.copy()
h.update(b"def")
print(h.hexdigest())
print(c.hexdigest() == hashlib.sha256(b"abc").hexdigest())
print(hashlib.sha256(b"abcdef").digest() == h.digest(), len(h.digest()))
print(hashlib.md5(bytearray(b"xyz")).hexdigest())
print(hashlib.sha1(b"").hexdigest())
