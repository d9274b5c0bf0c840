import sys

print(sys.excepthook is sys.__excepthook__)
try:
    raise ValueError("shown")
except ValueError:
    sys.excepthook(*sys.exc_info())
print("after")
