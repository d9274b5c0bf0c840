import sys

print(sys.getdefaultencoding(), sys.getfilesystemencoding())
