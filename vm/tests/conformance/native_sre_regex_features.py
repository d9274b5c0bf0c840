# _sre: lookaround, backreferences, lazy/greedy, conditionals, atomic and possessive groups
# (pattern code made by CPython 3.11's re._compiler)
import _sre

look = _sre.compile('(?<=\\$)\\d+(?!\\d*%)', 32, [14, 4, 0, 1, 4294967295, 4, 5, 1, 16, 36, 1, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 5, 15, 0, 24, 9, 0, 4294967295, 13, 4, 8, 10, 0, 1, 16, 37, 1, 1], 0, {}, (None,))
back = _sre.compile('(\\w)\\1', 32, [14, 7, 4, 2, 2, 8, 14, 0, 17, 0, 13, 4, 8, 14, 0, 17, 1, 11, 0, 1], 1, {}, (None, None))
named = _sre.compile('(?P<q>[\\\'"]).*?(?P=q)', 32, [14, 9, 4, 2, 4294967295, 16, 39, 16, 34, 0, 17, 0, 13, 6, 16, 39, 16, 34, 0, 17, 1, 26, 5, 0, 4294967295, 2, 1, 11, 0, 1], 1, {'q': 1}, (None, 'q'))
lazy = _sre.compile('<.+?>', 32, [14, 8, 1, 3, 4294967295, 1, 1, 60, 0, 16, 60, 26, 5, 1, 4294967295, 2, 1, 16, 62, 1], 0, {}, (None,))
greedy = _sre.compile('<.+>', 32, [14, 8, 1, 3, 4294967295, 1, 1, 60, 0, 16, 60, 24, 5, 1, 4294967295, 2, 1, 16, 62, 1], 0, {}, (None,))
alt = _sre.compile('cat|dog|bird', 32, [14, 8, 4, 3, 4, 22, 98, 100, 0, 7, 9, 16, 99, 16, 97, 16, 116, 15, 22, 9, 16, 100, 16, 111, 16, 103, 15, 13, 11, 16, 98, 16, 105, 16, 114, 16, 100, 15, 2, 0, 1], 0, {}, (None,))
cond = _sre.compile('(<)?\\w+(?(1)>)', 32, [14, 4, 0, 1, 4294967295, 23, 9, 0, 1, 17, 0, 16, 60, 17, 1, 18, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 12, 0, 4, 16, 62, 1], 1, {}, (None, None))
atomic = _sre.compile('(?>a+)b', 32, [14, 4, 0, 2, 4294967295, 27, 9, 24, 6, 1, 4294967295, 16, 97, 1, 1, 16, 98, 1], 0, {}, (None,))
poss = _sre.compile('a++a', 32, [14, 4, 0, 2, 4294967295, 29, 6, 1, 4294967295, 16, 97, 1, 16, 97, 1], 0, {}, (None,))
rep = _sre.compile('(ab){2,3}', 32, [14, 4, 0, 4, 6, 23, 11, 2, 3, 17, 0, 16, 97, 16, 98, 17, 1, 18, 1], 1, {}, (None, None))
bound = _sre.compile('\\bfoo\\b', 32, [14, 4, 0, 3, 3, 6, 10, 16, 102, 16, 111, 16, 111, 6, 10, 1], 0, {}, (None,))
cls = _sre.compile('[^\\W\\d]+', 32, [14, 4, 0, 1, 4294967295, 24, 12, 1, 4294967295, 13, 7, 21, 8, 15, 8, 10, 0, 1, 1], 0, {}, (None,))

print(look.findall("$12 $34% 56"))
print(back.findall("aabbcd eeff"), named.search("say 'hi' or \"yo\"").group())
print(lazy.findall("<a><b>"), greedy.findall("<a><b>"), alt.findall("dog cat fish bird"))
print(cond.findall("<x> y <z"), atomic.search("aaab"), poss.search("aaa"))
print(rep.match("ababababab").group(), rep.match("ab"), bound.findall("foo food foo.bar"))
print(cls.findall("abc1de_f 9x"))
