def gen():
    yield 1


g = gen()
next(g)
g.close()
try:
    g.throw(ValueError("late"))
except ValueError as e:
    print("ValueError raised directly:", e)
try:
    g.send(None)
except StopIteration:
    print("StopIteration on send")
