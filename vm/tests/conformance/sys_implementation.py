import sys

print(sys.implementation.cache_tag)
print(sys.implementation.version[:2])
