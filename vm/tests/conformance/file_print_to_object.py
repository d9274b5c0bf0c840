# print(file=obj) calls obj.write with each piece, as CPython does.
class Collector:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


c = Collector()
print("hi", 2, file=c, sep="-")
print(file=c, end="")
print(c.parts)


class NoWrite:
    pass


try:
    print("x", file=NoWrite())
except AttributeError as e:
    print(e)
