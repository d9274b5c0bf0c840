import os

cwd = os.getcwd()
print(isinstance(cwd, str), os.path.isabs(cwd))
print(os.path.abspath("x") == os.path.join(cwd, "x"))
