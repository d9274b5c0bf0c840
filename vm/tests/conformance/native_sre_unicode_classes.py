# _sre: Unicode digit, word and space classes, Unicode case folding, word boundaries
# (pattern code made by CPython 3.11's re._compiler)
import _sre

d = _sre.compile('\\d+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 1], 0, {}, (None,))
w = _sre.compile('\\w+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 1], 0, {}, (None,))
s = _sre.compile('\\s+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 12, 0, 1, 1], 0, {}, (None,))
ic = _sre.compile('σ+', 34, [14, 4, 0, 1, 4294967295, 24, 11, 1, 4294967295, 39, 6, 16, 963, 16, 962, 0, 1, 1], 0, {}, (None,))
b = _sre.compile('\\b\\w', 32, [14, 4, 0, 1, 1, 6, 10, 13, 4, 8, 14, 0, 1], 0, {}, (None,))
da = _sre.compile('\\d+', 256, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 0, 0, 1, 1], 0, {}, (None,))

print(d.findall("12 ٣٤ ５６ x"), da.findall("12 ٣٤ ５６ x"))
print(w.findall("naïve café_1 日本語"), s.split("a\u2003b\tc\u00a0d"))
print(ic.findall("ΣσςΣ"), b.findall("élan vital über"))
