# atexit: registered functions run at exit, last first, after an uncaught exception's traceback;
# an exception in one is reported and the others still run
import atexit

def f(x, tag="f"):
    print(tag, x)

def bad():
    1/0

print(atexit.register(f, 1) is f)
atexit.register(bad)
atexit.register(f, 2, tag="kw")
atexit.register(print, "never")
atexit.unregister(print)
try:
    atexit.register(5)
except TypeError as e:
    print("TypeError:", e)
print("main done")
raise ValueError("end")
