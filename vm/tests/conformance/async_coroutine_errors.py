async def f():
    return 1


c = f()
try:
    c.send(5)
except TypeError as e:
    print("TypeError:", e)
try:
    c.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
c2 = f()
try:
    next(c2)
except TypeError as e:
    print("TypeError:", e)
try:
    for x in c2:
        pass
except TypeError as e:
    print("TypeError:", e)
c2.close()
