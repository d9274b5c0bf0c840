import io
class Counter(io.RawIOBase):
    def __init__(self):
        self.n = 0
    def readable(self):
        return True
    def readinto(self, b):
        if self.n >= 3:
            return 0
        b[0] = 65 + self.n
        self.n += 1
        return 1
c = Counter()
print(c.read(), c.readable(), c.writable())
print(isinstance(c, io.IOBase))
