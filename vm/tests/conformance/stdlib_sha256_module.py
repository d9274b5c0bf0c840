# The built-in _sha256 / _md5 modules behind hashlib.
import _sha256, _md5, _sha512, _sha1
print(_sha256.sha256(b"abc").hexdigest())
print(_sha256.sha224(b"abc").hexdigest())
print(_md5.md5(b"abc").hexdigest(), _sha1.sha1(b"abc").hexdigest())
h = _sha512.sha512()
for part in [b"a", b"b", b"c"]:
    h.update(part)
print(h.hexdigest()[:32], h.name, h.digest_size, h.block_size)
