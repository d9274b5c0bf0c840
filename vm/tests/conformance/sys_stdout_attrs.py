import sys

sys.stdout.writelines(["a", "b\n"])
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
print(sys.stdin is sys.__stdin__)
