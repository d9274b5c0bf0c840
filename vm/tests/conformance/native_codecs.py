# _codecs: utf-8/ascii/latin-1 codec functions, encode/decode, error handlers, search functions
import _codecs

print(_codecs.utf_8_encode("héllo"), _codecs.utf_8_decode(b"h\xc3\xa9llo"))
print(_codecs.utf_8_decode(b"ab\xc3", None, False), _codecs.utf_8_decode(b"ab\xe2\x82", None, False))
print(_codecs.utf_8_decode(b"ab\xe2\x82\xac", None, False), _codecs.utf_8_decode(b"ab\xc3", "replace", True))
print(_codecs.ascii_encode("abc"), _codecs.ascii_decode(b"abc"), _codecs.latin_1_encode("é"), _codecs.latin_1_decode(b"\xe9"))
print(_codecs.encode("é", "utf-8"), _codecs.decode(b"\xc3\xa9"), _codecs.encode("é", "latin-1"), _codecs.decode(b"abc", "ascii"))
print(_codecs.ascii_encode("é", "replace"), _codecs.ascii_decode(b"a\xffb", "ignore"))
try:
    _codecs.ascii_encode("é")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    _codecs.utf_8_decode(b"\xff", None, True)
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(_codecs.lookup_error("strict").__name__ in ("strict_errors", "_strict"), callable(_codecs.lookup_error("ignore")))
try:
    _codecs.lookup_error("nope")
except LookupError as e:
    print("LookupError:", e)

def search(name):
    if name == "rot_x":
        return (lambda s, errors="strict": (s[::-1].encode(), len(s)),
                lambda b, errors="strict": (bytes(b)[::-1].decode(), len(b)), None, None)
    return None

_codecs.register(search)
print(_codecs.encode("abc", "rot_x"), _codecs.decode(b"cba", "ROT_X"))
try:
    _codecs.lookup("no-such-codec")
except LookupError as e:
    print("LookupError:", e)
_codecs.unregister(search)
