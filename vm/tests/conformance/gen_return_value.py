def gen():
    yield 1
    return "result"


def empty():
    return 99
    yield


g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, "args:", e.args)
try:
    next(empty())
except StopIteration as e:
    print("value:", e.value)
try:
    next(g)
except StopIteration as e:
    print("exhausted value:", e.value)
