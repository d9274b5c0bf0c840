import sys

n = sys.stdout.write("abc\n")
print(n)
sys.stdout.flush()
sys.stderr.write("to stderr\n")
print("x", file=sys.stdout)
