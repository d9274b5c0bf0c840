import sys
print("before")
try:
    sys.exit()
except SystemExit as e:
    print("caught", e.code)
sys.exit("fatal: bye")
