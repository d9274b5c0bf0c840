import sys

print(__name__, __package__, __spec__)
print(sys.modules["__main__"] is sys.modules[__name__])
