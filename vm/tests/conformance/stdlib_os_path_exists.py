import os.path

print(os.path.exists("helper_pkg"), os.path.exists("nope.txt"))
print(os.path.isdir("helper_pkg"), os.path.isfile("helper_pkg"))
print(os.path.isfile("helper_pkg/alpha.py"), os.path.isdir("helper_pkg/alpha.py"))
print(os.path.getsize("helper_pkg/sub/__init__.py") > 0)
