# _sre Pattern.sub and subn: literal, callable, count, empty matches
# (pattern code made by CPython 3.11's re._compiler)
import _sre

d = _sre.compile('\\d+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 1], 0, {}, (None,))
x = _sre.compile('x*', 32, [14, 4, 0, 0, 4294967295, 24, 6, 0, 4294967295, 16, 120, 1, 1], 0, {}, (None,))
g = _sre.compile('(\\w)(\\d)', 32, [14, 7, 4, 2, 2, 8, 14, 0, 17, 0, 13, 4, 8, 14, 0, 17, 1, 17, 2, 13, 4, 8, 10, 0, 17, 3, 1], 2, {}, (None, None, None))

print(d.sub("#", "a1b22c333"), d.sub("#", "a1b22c333", 2), d.subn("#", "a1b22c333"))
print(d.sub(lambda m: str(int(m.group()) * 2), "a1b22c333"))
print(x.sub("-", "abc"), x.subn("-", "axxbc"))
print(g.sub(lambda m: m.group(2) + m.group(1), "a1 b2 c3"))
def drop(m):
    return None if m.group() == "22" else "<" + m.group() + ">"
print(d.sub(drop, "1 22 333"))
print(d.sub("", "a1b2"), d.sub("#", ""), d.subn("#", "abc"))
try:
    d.sub(lambda m: 5, "a1")
except TypeError as e:
    print("TypeError", e)
