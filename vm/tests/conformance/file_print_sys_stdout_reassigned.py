# print() without file= writes to whatever sys.stdout is now.
import sys


class Cap:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass


old = sys.stdout
cap = Cap()
sys.stdout = cap
print("captured", 1)
print("second", end="")
sys.stdout = old
print(cap.parts)
sys.stdout = sys.stderr
print("to stderr via sys.stdout")
sys.stdout = sys.__stdout__
print("back")
