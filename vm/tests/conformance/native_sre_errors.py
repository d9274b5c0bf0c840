# _sre: subjects of the wrong kind raise CPython's TypeErrors
# (pattern code made by CPython 3.11's re._compiler)
import _sre

p = _sre.compile('a', 32, [14, 8, 3, 1, 1, 1, 1, 97, 0, 16, 97, 1], 0, {}, (None,))
b = _sre.compile(b'a', 0, [14, 8, 3, 1, 1, 1, 1, 97, 0, 16, 97, 1], 0, {}, (None,))

for f in (lambda: p.match(b"a"), lambda: b.match("a"), lambda: p.search(5),
          lambda: p.findall(None), lambda: p.sub("x", 3), lambda: p.split([1])):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
