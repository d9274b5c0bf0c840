# _sre Pattern.split with groups, maxsplit and empty matches
# (pattern code made by CPython 3.11's re._compiler)
import _sre

c = _sre.compile(',\\s*', 32, [14, 8, 1, 1, 4294967295, 1, 1, 44, 0, 16, 44, 24, 9, 0, 4294967295, 13, 4, 8, 12, 0, 1, 1], 0, {}, (None,))
g = _sre.compile('(,)\\s*', 32, [14, 8, 1, 1, 4294967295, 1, 0, 44, 0, 17, 0, 16, 44, 17, 1, 24, 9, 0, 4294967295, 13, 4, 8, 12, 0, 1, 1], 1, {}, (None, None))
o = _sre.compile('(a)|(b)', 32, [14, 4, 0, 1, 1, 7, 9, 17, 0, 16, 97, 17, 1, 15, 11, 9, 17, 2, 16, 98, 17, 3, 15, 2, 0, 1], 2, {}, (None, None, None))
e = _sre.compile('x*', 32, [14, 4, 0, 0, 4294967295, 24, 6, 0, 4294967295, 16, 120, 1, 1], 0, {}, (None,))

print(c.split("a, b,c,  d"), c.split("a, b,c,  d", 2), c.split("a, b", -1))
print(g.split("a, b,c"))
print(o.split("1a2b3"))
print(e.split("axbc"))
print(c.split(""), c.split(",,"))
