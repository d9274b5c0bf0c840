def gen():
    try:
        yield 1
    finally:
        print("finally runs?")


g = gen()
try:
    g.throw(RuntimeError("early"))
except RuntimeError as e:
    print("propagated:", e)
print(list(g))
