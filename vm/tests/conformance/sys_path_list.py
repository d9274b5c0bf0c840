import sys

print(type(sys.path).__name__)
print(all(isinstance(p, str) for p in sys.path))
