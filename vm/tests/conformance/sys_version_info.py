import sys

v = sys.version_info
print(v[:2], v.major, v.minor, v.releaselevel)
print(v >= (3, 8), v < (4,), v == tuple(v))
major, minor, *rest = v
print(major, minor, len(rest), len(v))
print(sys.hexversion >> 24, (sys.hexversion >> 16) & 0xFF)
