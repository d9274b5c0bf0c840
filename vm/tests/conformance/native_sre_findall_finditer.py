# _sre Pattern.findall and finditer, empty matches included
# (pattern code made by CPython 3.11's re._compiler)
import _sre

w = _sre.compile('\\w+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 1], 0, {}, (None,))
kv = _sre.compile('(\\w)=(\\d)', 32, [14, 7, 4, 3, 3, 8, 14, 0, 17, 0, 13, 4, 8, 14, 0, 17, 1, 16, 61, 17, 2, 13, 4, 8, 10, 0, 17, 3, 1], 2, {}, (None, None, None))
one = _sre.compile('x(\\d)?', 32, [14, 8, 1, 1, 2, 1, 1, 120, 0, 16, 120, 23, 12, 0, 1, 17, 0, 13, 4, 8, 10, 0, 17, 1, 18, 1], 1, {}, (None, None))
star = _sre.compile('a*', 32, [14, 4, 0, 0, 4294967295, 24, 6, 0, 4294967295, 16, 97, 1, 1], 0, {}, (None,))
empty = _sre.compile('', 32, [14, 4, 0, 0, 0, 1], 0, {}, (None,))

print(w.findall("the quick  brown fox"))
print(kv.findall("a=1, b=2,c=3"))
print(one.findall("x1 x x2"))
print(star.findall("baaac"), empty.findall("abc"))
print([m.span() for m in star.finditer("baaac")])
print([(m.group(), m.start()) for m in w.finditer("ab cd ef", 2, 7)])
print(w.findall("ab cd ef", 1, 4))
it = w.finditer("one two")
print(next(it).group(), next(it).group(), next(it, "end"))
