import sys

try:
    import helper_pkg_bad
except ValueError as e:
    print("caught", e)
print("helper_pkg_bad" in sys.modules)
try:
    import helper_pkg_bad
except ValueError as e:
    print("again", e)
