import helper_pkg.alpha
import sys

print(repr(helper_pkg.alpha))
print(repr(sys))
print(helper_pkg.alpha.__file__)
