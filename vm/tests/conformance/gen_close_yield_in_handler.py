def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("ignoring GeneratorExit")
        yield 2


g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
