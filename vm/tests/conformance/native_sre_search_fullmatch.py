# _sre Pattern.search, match, fullmatch with pos and endpos
# (pattern code made by CPython 3.11's re._compiler)
import _sre

p = _sre.compile('\\d+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 1], 0, {}, (None,))
a = _sre.compile('^ab', 32, [14, 4, 0, 2, 2, 6, 0, 16, 97, 16, 98, 1], 0, {}, (None,))
m = _sre.compile('^b$', 40, [14, 4, 0, 1, 1, 6, 1, 16, 98, 6, 6, 1], 0, {}, (None,))

print(p.search("abc 123 def 45"))
print(p.match("abc 123"), p.match("123abc"))
print(p.fullmatch("123"), p.fullmatch("123a"), p.fullmatch("123a", 0, 3))
print(p.search("abc 123 def 45", 5), p.search("abc 123 def 45", 5, 6))
print(p.search("abc 123", -5), p.search("abc 123", 100), p.match("12345", 1, 3))
print(a.search("xab"), a.search("abx"), a.match("xab", 1))
print(m.search("a\nb\nc"), m.findall("a\nb\nb"))
print(p.search(""), p.fullmatch(""))
