# zlib: crc32, adler32, compress/decompress round trips, raw streams and errors
import zlib

print(zlib.crc32(b"hello world"), zlib.crc32(b"world", zlib.crc32(b"hello ")), zlib.crc32(b""), zlib.crc32(b"a", -1))
print(zlib.adler32(b"hello world"), zlib.adler32(b""), zlib.adler32(b"abc", 5))
text = b"the quick brown fox jumps over the lazy dog " * 20
for level in (-1, 0, 1, 6, 9):
    c = zlib.compress(text, level)
    print(level, c[:2], zlib.decompress(c) == text)
print(zlib.decompress(zlib.compress(b"")), zlib.decompress(zlib.compress(bytearray(b"xy"))))
raw = zlib.compress(text, 6, -15)
print(zlib.decompress(raw, -15) == text, zlib.decompress(zlib.compress(text) + b"junk") == text)
print(zlib.decompress(zlib.compress(text), 15, 1) == text)
good = zlib.compress(b"hello")
for bad in [b"xx", good[:-3], b"x\x9c\x00", b""]:
    try:
        zlib.decompress(bad)
    except zlib.error as e:
        print("error:", e)
for args in [(b"a", 10), (b"a", -2)]:
    try:
        zlib.compress(*args)
    except zlib.error as e:
        print("error:", e)
try:
    zlib.crc32("text")
except TypeError as e:
    print("TypeError:", e)
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE, zlib.Z_BEST_COMPRESSION)
# a stream CPython's zlib wrote (level 6) decompresses to the same text
print(zlib.decompress(b'x\x9c+\xc9HU(,\xcdL\xceVH*\xca/\xcfSH\xcb\xafP\xc8*\xcd-(V\xc8/K-R(\x01J\xe7$VU*\xa4\xe4\xa7\x839\xa3jG\xd5\x8e\xaa%_-\x00\xaajB\x04') == text)
