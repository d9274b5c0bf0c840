# _functools: reduce, partial, cmp_to_key
import _functools

print(_functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]), _functools.reduce(lambda a, b: a + b, [], 7))
try:
    _functools.reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError:", e)
p = _functools.partial(int, base=2)
print(p("101"), p.func is int, p.keywords)
def cmp(a, b):
    return (a > b) - (a < b)
K = _functools.cmp_to_key(lambda a, b: cmp(len(a), len(b)) or cmp(a, b))
print(sorted(["ccc", "a", "bb", "aa", "b"], key=K))
print(K("ab") < K("abc"), K("ab") == K("ba"), K("x") >= K("x"))
print(max([3, 1, 2], key=_functools.cmp_to_key(lambda a, b: b - a)))
