def gen():
    try:
        yield 1
    finally:
        yield "from finally"
        print("after finally yield")


g = gen()
print(next(g))
print(next(g))
print(list(g))

g2 = gen()
next(g2)
try:
    g2.close()
except RuntimeError as e:
    print("RuntimeError:", e)
