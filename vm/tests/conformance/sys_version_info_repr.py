import sys

print(repr(sys.version_info)[:40])
print(sys.version_info.serial)
