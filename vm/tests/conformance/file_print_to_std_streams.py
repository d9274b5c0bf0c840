# print(file=sys.stdout) and file=None write to standard output; sys.stderr to stderr.
import sys

print("to stdout", file=sys.stdout)
print("to none", file=None)
print("to stderr", file=sys.stderr)
sys.stdout.write("direct\n")
