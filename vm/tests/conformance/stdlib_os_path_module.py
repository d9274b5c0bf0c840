import os
import os.path
from os import path
import posixpath
import sys

print(path is os.path, os.path is posixpath)
print(os.path.__name__, sys.modules["os.path"] is posixpath)
print(os.path.sep, os.path.curdir)
