# _sre Match: group, groups, groupdict, span, lastindex, lastgroup, subscript
# (pattern code made by CPython 3.11's re._compiler)
import _sre

p = _sre.compile('(\\w+)@(?P<host>\\w+)\\.com', 32, [14, 4, 0, 7, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 1, 16, 64, 17, 2, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 3, 16, 46, 16, 99, 16, 111, 16, 109, 1], 2, {'host': 2}, (None, None, 'host'))
q = _sre.compile('(a)(b)?(c)?', 32, [14, 8, 1, 1, 3, 1, 0, 97, 0, 17, 0, 16, 97, 17, 1, 23, 9, 0, 1, 17, 2, 16, 98, 17, 3, 18, 23, 9, 0, 1, 17, 4, 16, 99, 17, 5, 18, 1], 3, {}, (None, None, None, None))

m = p.match("joe@example.com is here")
print(m.group(), m.group(0), m.group(1), m.group("host"), m.group(1, "host", 0))
print(m.groups(), m.groupdict(), m.span(), m.span(1), m.start(2), m.end("host"))
print(m[0], m[1], m["host"], m.lastindex, m.lastgroup)
print(m.regs, m.pos, m.endpos, m.string, m.re is p)
m = q.match("ac")
print(m.groups(), m.groups("-"), m.group(2), m.span(2), m.start(2), m.lastindex, m.lastgroup)
for bad in (4, -1, "nope"):
    try:
        m.group(bad)
    except IndexError as e:
        print("IndexError", e)
print(p.groups, p.groupindex, p.pattern, p.flags)
