import io
class Upper(io.TextIOBase):
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s.upper())
        return len(s)
u = Upper()
print("shout", file=u)
u.writelines(["a", "b"])
print(u.parts)
