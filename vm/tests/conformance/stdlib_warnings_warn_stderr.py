# warnings.warn prints "file:line: Category: message" and the source line.
import warnings
warnings.warn("plain message")
def f():
    warnings.warn("in a function", RuntimeWarning)
f()
print("after")
