import sys

print(repr(sys.stdin.readline()))
print(sys.stdin.read() == "")
print(list(sys.stdin))
