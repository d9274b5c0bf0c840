import os

print(os.name, os.sep, os.pathsep, os.curdir, os.pardir, repr(os.linesep))
print(os.devnull)
