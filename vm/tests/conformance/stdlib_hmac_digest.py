# hmac over the built-in hashes.
import hmac, hashlib
m = hmac.new(b"key", b"message", hashlib.sha256)
print(m.hexdigest(), m.name, m.digest_size)
m2 = m.copy(); m2.update(b"more")
print(m2.hexdigest() != m.hexdigest())
print(hmac.new(b"k", b"m", "md5").hexdigest(), hmac.digest(b"k", b"m", "sha1").hex())
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest("a", "b"))
