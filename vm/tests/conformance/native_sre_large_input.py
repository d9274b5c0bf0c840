# _sre on a long subject: findall, finditer, sub and split stay linear
# (pattern code made by CPython 3.11's re._compiler)
import _sre

w = _sre.compile('[a-z]+', 32, [14, 4, 0, 1, 4294967295, 24, 10, 1, 4294967295, 13, 5, 22, 97, 122, 0, 1, 1], 0, {}, (None,))
num = _sre.compile('(\\d+)-(\\d+)', 32, [14, 4, 0, 3, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 17, 1, 16, 45, 17, 2, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 17, 3, 1], 2, {}, (None, None, None))

text = "alpha 12-34 beta 56-78 " * 200
print(len(w.findall(text)), w.findall(text)[:4], len(list(w.finditer(text))))
print(num.findall(text)[:2], len(num.findall(text)), num.sub(lambda m: m.group(2) + "-" + m.group(1), text)[:30])
print(len(num.split(text)), num.subn("#", text)[1], w.search(text, 10000))
