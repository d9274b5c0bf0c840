import os.path

print(os.path.samefile("helper_pkg/alpha.py", "helper_pkg/../helper_pkg/alpha.py"))
print(os.path.lexists("helper_pkg"), os.path.lexists("missing"))
print(os.path.getmtime("helper_pkg/alpha.py") > 0)
