import sys

print(sys.exception())
try:
    1 / 0
except ZeroDivisionError:
    print(type(sys.exception()).__name__)
print(sys.exception())
