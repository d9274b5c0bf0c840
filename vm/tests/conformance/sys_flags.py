import sys

print(sys.flags.optimize, sys.flags.debug, sys.flags.dev_mode)
print(len(sys.flags))
