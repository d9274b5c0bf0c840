import os


class P:
    def __fspath__(self):
        return "some/path"


print(os.fspath("x"), os.fspath(b"y"), os.fspath(P()))
try:
    os.fspath(3)
except TypeError as e:
    print(e)
print(os.path.join(P(), "z"))
