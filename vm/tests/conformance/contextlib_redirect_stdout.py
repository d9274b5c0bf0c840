import sys
from contextlib import redirect_stdout


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        pass


cap = Capture()
with redirect_stdout(cap):
    print('hidden', 1)
print('captured', ''.join(cap.parts).split())
