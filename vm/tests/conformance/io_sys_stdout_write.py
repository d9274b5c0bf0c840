import sys
n = sys.stdout.write("direct\n")
print(n)
sys.stdout.flush()
print(sys.stdout.encoding)
