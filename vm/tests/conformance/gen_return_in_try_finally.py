def gen():
    try:
        yield 1
        return "from try"
    finally:
        print("finally before StopIteration")


g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)


def override():
    try:
        yield 1
    finally:
        return "finally wins"


g = override()
next(g)
try:
    g.throw(ValueError("swallowed"))
except StopIteration as e:
    print("StopIteration value:", e.value)
