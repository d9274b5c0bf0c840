# _sre: IGNORECASE (ASCII and Unicode), DOTALL, ASCII, bytes and bytearray subjects
# (pattern code made by CPython 3.11's re._compiler)
import _sre

i = _sre.compile('hello', 34, [14, 4, 0, 5, 5, 40, 104, 40, 101, 40, 108, 40, 108, 40, 111, 1], 0, {}, (None,))
u = _sre.compile('straße', 34, [14, 4, 0, 6, 6, 39, 6, 16, 115, 16, 383, 0, 40, 116, 40, 114, 40, 97, 40, 223, 40, 101, 1], 0, {}, (None,))
b = _sre.compile(b'[a-f]+(\\d)', 0, [14, 4, 0, 2, 4294967295, 24, 10, 1, 4294967295, 13, 5, 22, 97, 102, 0, 1, 17, 0, 13, 4, 8, 0, 0, 17, 1, 1], 1, {}, (None, None))
bi = _sre.compile(b'abc', 2, [14, 4, 0, 3, 3, 32, 97, 32, 98, 32, 99, 1], 0, {}, (None,))
dot = _sre.compile('a.c', 48, [14, 8, 1, 3, 3, 1, 1, 97, 0, 16, 97, 3, 16, 99, 1], 0, {}, (None,))
asc = _sre.compile('\\w+', 256, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 4, 0, 1, 1], 0, {}, (None,))
uni = _sre.compile('\\w+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 1], 0, {}, (None,))

print(i.findall("Hello HELLO hello hElLo"))
print(u.search("STRASSE Straße").group())
m = b.search(b"xx beef7 yy")
print(m, m.group(), m.group(1), m.groups(), m.span())
print(b.findall(b"ab1 cd2 x"), b.sub(b"-", b"ab1 cd2 x"), b.split(b"ab1 cd2 x"))
print(b.search(bytearray(b"ff9")).group(), bi.match(b"ABC"))
print(dot.match("a\nc"), asc.findall("héllo wörld"), uni.findall("héllo wörld"))
