# _sre Pattern.scanner: match and search step through the string
# (pattern code made by CPython 3.11's re._compiler)
import _sre

p = _sre.compile('\\d*', 32, [14, 4, 0, 0, 4294967295, 24, 9, 0, 4294967295, 13, 4, 8, 10, 0, 1, 1], 0, {}, (None,))

s = p.scanner("12a345")
print([s.match() for _ in range(3)])
s = p.scanner("12a345")
out = []
while True:
    m = s.search()
    if m is None:
        break
    out.append((m.span(), m.group()))
print(out, s.search(), s.pattern is p)
