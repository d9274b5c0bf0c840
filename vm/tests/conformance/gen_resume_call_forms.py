# Every way of spelling a resume reaches the same generator protocol.
def counter():
    total = 0
    while True:
        got = yield total
        total += 1 if got is None else got


g = counter()
print(next(g))
print(g.send(5))
bound = g.send
print(bound(10))
print(type(g).send(g, 100))
print(next(g, "unused default"))
advance = next
print(advance(g))


def next(it):
    return "shadowed next"


print(next(g))
del next
print(next(g))


class Sender:
    def send(self, v):
        return ("not a generator", v)


print(Sender().send(3))


def finite():
    yield 1


f = finite()
print(f.send(None))
try:
    f.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
print(next(f, "done"))
try:
    next(f)
except StopIteration:
    print("still exhausted")
try:
    counter().send(1)
except TypeError as e:
    print("TypeError:", e)
try:
    next(42)
except TypeError as e:
    print("TypeError:", e)
try:
    g.send()
except TypeError as e:
    print("TypeError:", e)
try:
    g.send(1, 2)
except TypeError as e:
    print("TypeError:", e)
