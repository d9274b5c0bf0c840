async def bad():
    raise StopIteration("x")


try:
    bad().send(None)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
