import os

names = os.listdir(".")
print("stdlib_os_listdir.py" in names, "helper_pkg" in names)
print(sorted(os.listdir("helper_pkg/sub")))
try:
    os.listdir("no_such_dir_here")
except FileNotFoundError as e:
    print(e)
