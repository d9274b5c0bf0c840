import sys
n = sys.stdout.buffer.write(b"raw bytes\n")
print(n, sys.stdout.buffer is sys.stdout.buffer)
sys.stdout.buffer.write("caf\u00e9\n".encode())
try:
    sys.stdout.buffer.write("text")
except TypeError as e:
    print("TypeError", e)
